import type { Entry } from '../knowledge/types.js';
import { analyseText } from './analyse-text.js';

/** What the scorer needs to know about one phrase (a title or an alternate question). */
export interface Phrase {
  weight: number;
  /** Sum of the weights of the phrase's distinct terms. */
  mass: number;
  /** The phrase's distinct terms, as ids into {@link TermIndex.termIds}. */
  terms: Int32Array;
}

/**
 * An inverted index over the knowledge base: term → entries whose title, questions or tags contain
 * it, and term → entries whose answer (only) contains it; plus each entry's phrases for exact
 * scoring. Candidate generation walks only the postings of the question's terms, so its cost
 * follows how common those terms are, not how many entries there are.
 */
export interface TermIndex {
  entries: readonly Entry[];
  /** Phrases of entry `e` are `phrases[phraseStart[e]]` up to (not including) `phrases[phraseStart[e + 1]]`. */
  phrases: readonly Phrase[];
  phraseStart: Int32Array;
  corePostings: ReadonlyMap<string, Int32Array>;
  /** Parallel to {@link corePostings}: how many of the entry's phrases (title, questions; tags count as one) use the term. */
  corePhraseCounts: ReadonlyMap<string, Int32Array>;
  answerPostings: ReadonlyMap<string, Int32Array>;
  /** Weight of every term in titles, questions and tags: inverse entry frequency (BM25 form). */
  idf: ReadonlyMap<string, number>;
  /** Weight of a term found only in answers: inverse frequency over whole entries (domain words, not unknown ones). */
  answerIdf: ReadonlyMap<string, number>;
  /** A small integer per term of titles, questions and tags, so phrase scoring reads arrays, not maps. */
  termIds: ReadonlyMap<string, number>;
  /** The idf a term would have if no entry used it. */
  maxIdf: number;
}

/** How much the title and the alternate questions count as phrases, and how much a lone character. */
export interface IndexWeights {
  titleWeight: number;
  questionWeight: number;
  singleCharWeight: number;
  /** Answers are analysed only when they count (they are most of the text, so most of the indexing time). */
  answerWeight: number;
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** Builds the {@link TermIndex} of the entries. */
export function buildTermIndex(entries: readonly Entry[], weights: IndexWeights): TermIndex {
  const phraseTerms: { weight: number; terms: string[] }[] = [];
  const phraseStart = new Int32Array(entries.length + 1);
  const core = new Map<string, number[]>();
  const coreCounts = new Map<string, number[]>();
  const answer = new Map<string, number[]>();
  entries.forEach((entry, e) => {
    phraseStart[e] = phraseTerms.length;
    const all = new Map<string, number>();
    const count = (terms: Iterable<string>) => {
      for (const t of terms) all.set(t, (all.get(t) ?? 0) + 1);
    };
    const addPhrase = (text: string, weight: number) => {
      const terms = [...new Set(analyseText(text))];
      phraseTerms.push({ weight, terms });
      count(terms);
    };
    addPhrase(entry.title, weights.titleWeight);
    for (const q of entry.questions) addPhrase(q, weights.questionWeight);
    count(new Set(entry.tags.flatMap((tag) => analyseText(tag))));
    for (const [t, c] of all) {
      push(core, t, e);
      push(coreCounts, t, c);
    }
    if (weights.answerWeight > 0) {
      for (const t of analyseText(entry.answer)) if (!all.has(t)) pushOnce(answer, t, e);
    }
  });
  phraseStart[entries.length] = phraseTerms.length;
  const n = entries.length;
  const idf = new Map<string, number>();
  for (const [t, list] of core) idf.set(t, computeIdf(n, list.length) * charFactor(t, weights));
  const answerIdf = new Map<string, number>();
  for (const [t, list] of answer) {
    if (!idf.has(t)) answerIdf.set(t, computeIdf(n, list.length) * charFactor(t, weights));
  }
  const termIds = new Map([...idf.keys()].map((t, i) => [t, i]));
  const phrases = phraseTerms.map(({ weight, terms }) => ({
    weight,
    terms: Int32Array.from(terms, (t) => termIds.get(t) ?? -1),
    mass: terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0),
  }));
  return {
    entries,
    phrases,
    phraseStart,
    corePostings: freeze(core),
    corePhraseCounts: freeze(coreCounts),
    answerPostings: freeze(answer),
    idf,
    answerIdf,
    termIds,
    maxIdf: computeIdf(n, 0),
  };
}

/** A lone Chinese character is mostly a particle or a broken word: it counts for less than a bigram. */
export function charFactor(term: string, weights: Pick<IndexWeights, 'singleCharWeight'>): number {
  return SINGLE_HAN.test(term) ? weights.singleCharWeight : 1;
}

function computeIdf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

// Entries are indexed in order, so a repeated term of the same entry is always the list's last value.
function pushOnce(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function freeze(map: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...map].map(([k, v]) => [k, Int32Array.from(v)]));
}
