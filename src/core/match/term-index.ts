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
  /**
   * Each entry's answer cut into sentences, as ids into {@link sentenceTermIds} (distinct within a sentence): entry
   * `e`'s sentences are `sentenceTerms[sentenceStart[e][k]]` up to `sentenceTerms[sentenceStart[e][k + 1]]`. Empty when
   * nothing reads them (IndexWeights.answerSentences).
   */
  sentenceTerms: readonly Int32Array[];
  sentenceStart: readonly Int32Array[];
  /** A small integer per term of any answer sentence. */
  sentenceTermIds: ReadonlyMap<string, number>;
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
  /** Whether each answer is also kept sentence by sentence (for the answer-sentence evidence). */
  answerSentences?: boolean;
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/** Builds the {@link TermIndex} of the entries. */
export function buildTermIndex(entries: readonly Entry[], weights: IndexWeights): TermIndex {
  const core = new TermTable();
  const answer = new TermTable();
  // Parallel to core.postings: how many of the entry's phrases use the term.
  const coreCounts: number[][] = [];
  const phrases: { weight: number; terms: number[] }[] = [];
  const phraseStart = new Int32Array(entries.length + 1);
  // Per core term: how many of the current entry's phrases use it (valid while inEntry[id] is the entry's stamp).
  const phraseCount: number[] = [];
  const inEntry: number[] = [];
  const inPhrase: number[] = [];
  const inAnswer: number[] = [];
  let phraseStamp = 0;
  const sentenceTable = new TermTable();
  const sentenceTerms: Int32Array[] = [];
  const sentenceStart: Int32Array[] = [];
  const inSentence: number[] = [];
  let sentenceStamp = 0;
  entries.forEach((entry, e) => {
    phraseStart[e] = phrases.length;
    const stamp = e + 1;
    const entryTerms: number[] = [];
    // Terms are taken in the order the entry first uses them, so the tables' order (and every map made from
    // them) is the order of first use over the knowledge base.
    const countPhrase = (terms: readonly string[]): number[] => {
      phraseStamp += 1;
      const ids: number[] = [];
      for (const t of terms) {
        const id = core.idOf(t);
        if (inPhrase[id] === phraseStamp) continue;
        inPhrase[id] = phraseStamp;
        ids.push(id);
        if (inEntry[id] === stamp) phraseCount[id] = (phraseCount[id] ?? 0) + 1;
        else {
          inEntry[id] = stamp;
          phraseCount[id] = 1;
          entryTerms.push(id);
        }
      }
      return ids;
    };
    phrases.push({ weight: weights.titleWeight, terms: countPhrase(analyseText(entry.title)) });
    for (const q of entry.questions)
      phrases.push({ weight: weights.questionWeight, terms: countPhrase(analyseText(q)) });
    countPhrase(entry.tags.flatMap((tag) => analyseText(tag)));
    for (const id of entryTerms) {
      core.postings[id]?.push(e);
      const counts = coreCounts[id] ?? [];
      counts.push(phraseCount[id] ?? 0);
      coreCounts[id] = counts;
    }
    // The answer is analysed sentence by sentence when the sentences are kept (their terms are the whole answer's:
    // punctuation separates terms anyway), and in one piece otherwise.
    const keepSentences = weights.answerSentences === true;
    if (weights.answerWeight > 0 || keepSentences) {
      const starts: number[] = [];
      const flat: number[] = [];
      for (const sentence of keepSentences ? answerSentences(entry.answer) : [entry.answer]) {
        sentenceStamp += 1;
        const begin = flat.length;
        for (const t of analyseText(sentence)) {
          const known = core.ids.get(t);
          const own = known !== undefined && inEntry[known] === stamp;
          if (keepSentences) {
            const id = sentenceTable.idOf(t);
            if (inSentence[id] !== sentenceStamp) {
              inSentence[id] = sentenceStamp;
              flat.push(id);
            }
          }
          if (own || weights.answerWeight <= 0) continue;
          const id = answer.idOf(t);
          if (inAnswer[id] === stamp) continue;
          inAnswer[id] = stamp;
          answer.postings[id]?.push(e);
        }
        if (flat.length > begin) starts.push(begin);
      }
      if (keepSentences) {
        starts.push(flat.length);
        sentenceTerms.push(Int32Array.from(flat));
        sentenceStart.push(Int32Array.from(starts));
      }
    }
  });
  phraseStart[entries.length] = phrases.length;
  const n = entries.length;
  const idfById = core.postings.map(
    (list, id) => computeIdf(n, list.length) * charFactor(core.terms[id] ?? '', weights),
  );
  const idf = new Map(core.terms.map((t, id) => [t, idfById[id] ?? 0]));
  const answerIdf = new Map<string, number>();
  answer.terms.forEach((t, id) => {
    if (!idf.has(t)) answerIdf.set(t, computeIdf(n, answer.postings[id]?.length ?? 0) * charFactor(t, weights));
  });
  return {
    entries,
    phrases: phrases.map(({ weight, terms }) => ({
      weight,
      terms: Int32Array.from(terms),
      mass: terms.reduce((sum, id) => sum + (idfById[id] ?? 0), 0),
    })),
    phraseStart,
    corePostings: core.frozen(core.postings),
    corePhraseCounts: core.frozen(coreCounts),
    answerPostings: answer.frozen(answer.postings),
    sentenceTerms,
    sentenceStart,
    sentenceTermIds: sentenceTable.ids,
    idf,
    answerIdf,
    termIds: core.ids,
    maxIdf: computeIdf(n, 0),
  };
}

// Terms numbered in order of first use, with a list per term: arrays indexed by number instead of a map per entry.
class TermTable {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly postings: number[][] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.postings.push([]);
    }
    return id;
  }

  frozen(lists: readonly number[][]): Map<string, Int32Array> {
    return new Map(this.terms.map((t, id) => [t, Int32Array.from(lists[id] ?? [])]));
  }
}

// Sentence ends in an answer: Chinese and Western punctuation, line breaks (list items, paragraphs).
const SENTENCE_END = /[。！？!?；;\n]+|(?<=[.:：])\s+/;

/** An answer's sentences: its lines and the sentences of each. */
export function answerSentences(answer: string): string[] {
  return answer.split(SENTENCE_END).filter((s) => s.trim() !== '');
}

/** A lone Chinese character is mostly a particle or a broken word: it counts for less than a bigram. */
export function charFactor(term: string, weights: Pick<IndexWeights, 'singleCharWeight'>): number {
  return SINGLE_HAN.test(term) ? weights.singleCharWeight : 1;
}

function computeIdf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
