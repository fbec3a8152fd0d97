import type { MatchOptions } from './options.js';
import type { TermIndex } from './term-index.js';

/** One scored entry. */
export interface Candidate {
  /** Position of the entry in the knowledge base. */
  entry: number;
  /** In [0, 1]: a blend of the best phrase similarity and entry-wide coverage. */
  confidence: number;
  /**
   * Share of the question's term weight found in the entry: a term counts more the more of the entry's phrases use
   * it, and less when only the answer does.
   */
  coverage: number;
  /** Share of the weight of the question part (not the context) found anywhere in the entry; set by the ranker. */
  questionShare?: number;
  /** Share of the message's weight in known terms that none of the entry's phrases uses; set by the ranker. */
  absent?: number;
  /** The heaviest concept of the question part the knowledge base knows but this entry never mentions, per maxIdf; set by the ranker. */
  missingConcept?: number;
  /** 1 when the message has context and its question part alone ranks this entry first; set by the ranker. */
  agrees?: number;
}

/** Weighted question terms: term → weight (its idf, or the unknown-term weight). */
export type WeightedTerms = ReadonlyMap<string, number>;

// Bounds are kept to 1e-6 in sort keys; positions up to 2^21 (two million entries) fit below them exactly.
const BOUND_SCALE = 1e6;
const POSITION_SPAN = 2 ** 21;

type ScoreOptions = Pick<
  MatchOptions,
  'queryCoverageExponent' | 'phraseShare' | 'answerWeight' | 'minQuestionWeight' | 'phraseCountSaturation'
> &
  Partial<Pick<MatchOptions, 'answerAlternates'>>;

/**
 * A reusable scorer over one index. Each call (1) adds up, through the postings of the question's
 * terms, how much of the question every touched entry contains; (2) bounds each entry's confidence
 * from that sum alone; (3) scores entries exactly, phrase by phrase, in order of that bound, and
 * stops as soon as no remaining entry could enter the best `limit`. The result is exact; the work
 * is mostly the postings walk.
 */
export function createScorer(index: TermIndex, options: ScoreOptions) {
  const coreAcc = new Float64Array(index.entries.length);
  const creditAcc = new Float64Array(index.entries.length);
  // Per posting, the share of a term's weight it adds to coverage: c / (c + k) for a term c of the entry's phrases use.
  const credits = new Map(
    [...index.corePhraseCounts].map(([term, counts]) => [
      term,
      Float64Array.from(counts, (c) => c / (c + options.phraseCountSaturation)),
    ]),
  );
  const answerAcc = new Float64Array(index.entries.length);
  // An entry with few alternate questions (a title-only imported FAQ) is described mostly by its answer: the answer
  // counts k / (k + alternates), and never less than answerWeight.
  const k = options.answerAlternates ?? 0;
  const answerShare = Float64Array.from(index.entries, (_, e) => {
    const alternates = (index.phraseStart[e + 1] ?? 0) - (index.phraseStart[e] ?? 0) - 1;
    return Math.max(options.answerWeight, k / (k + Math.max(0, alternates)) || 0);
  });
  const alpha = options.queryCoverageExponent;
  const share = options.phraseShare;
  const maxWeight = Math.max(0, ...index.phrases.map((p) => p.weight));
  const addAnswerWeight = (postings: Int32Array | undefined, w: number): void => {
    if (postings === undefined) return;
    for (const i of postings) if ((coreAcc[i] ?? 0) > 0) answerAcc[i] = (answerAcc[i] ?? 0) + w;
  };
  // The lightest phrase of each entry: no phrase can hold a larger share of itself than the
  // question's matched weight over this mass, which tightens the bound for questions of common words.
  const minMass = Float64Array.from(index.entries, (_, e) => {
    let min = Number.POSITIVE_INFINITY;
    for (let p = index.phraseStart[e] ?? 0; p < (index.phraseStart[e + 1] ?? 0); p += 1) {
      const mass = index.phrases[p]?.mass ?? 0;
      if (mass > 0 && mass < min) min = mass;
    }
    return min;
  });

  // The question's weights by term id, set for the duration of one call.
  const queryWeight = new Float64Array(index.termIds.size);

  const bestPhrase = (e: number, total: number): number => {
    let best = 0;
    for (let p = index.phraseStart[e] ?? 0; p < (index.phraseStart[e + 1] ?? 0); p += 1) {
      const phrase = index.phrases[p];
      if (phrase === undefined || phrase.mass <= 0) continue;
      let matched = 0;
      for (const id of phrase.terms) matched += queryWeight[id] ?? 0;
      if (matched === 0) continue;
      const sim = phrase.weight * (matched / total) ** alpha * Math.min(1, matched / phrase.mass) ** (1 - alpha);
      if (sim > best) best = sim;
    }
    return best;
  };

  return function scoreEntries(terms: WeightedTerms, limit: number): Candidate[] {
    let sum = 0;
    for (const w of terms.values()) sum += w;
    if (sum <= 0) return [];
    // A question carrying less weight than this is measured as if it did: "在吗" or "收到" may be all
    // found in an entry, but all of very little is not evidence.
    const total = Math.max(sum, options.minQuestionWeight * index.maxIdf);
    const touched: number[] = [];
    const ids: number[] = [];
    for (const [term, w] of terms) {
      const id = index.termIds.get(term);
      if (id !== undefined) {
        queryWeight[id] = w;
        ids.push(id);
      }
      const postings = index.corePostings.get(term);
      const credit = credits.get(term);
      if (postings === undefined || credit === undefined) continue;
      for (let j = 0; j < postings.length; j += 1) {
        const i = postings[j] ?? 0;
        if (coreAcc[i] === 0) touched.push(i);
        coreAcc[i] = (coreAcc[i] ?? 0) + w;
        creditAcc[i] = (creditAcc[i] ?? 0) + w * (credit[j] ?? 1);
      }
    }
    // Answers only add to entries the title, questions or tags already found: an answer match alone
    // could never reach the suggestion threshold, and skipping those entries keeps the sort small.
    if (options.answerWeight > 0) for (const [term, w] of terms) addAnswerWeight(index.answerPostings.get(term), w);
    const bounds = new Float64Array(touched.length);
    const coverages = new Float64Array(touched.length);
    // Sort keys: the bound in the high digits, the position in the low ones, so a plain numeric sort
    // of a typed array (no comparator) orders entries by bound.
    const keys = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i += 1) {
      const e = touched[i] ?? 0;
      const core = (coreAcc[e] ?? 0) / total;
      const coverage = Math.min(1, ((creditAcc[e] ?? 0) + (answerShare[e] ?? 0) * (answerAcc[e] ?? 0)) / total);
      coverages[i] = coverage;
      const phraseBound =
        Math.min(1, core) ** alpha * Math.min(1, (coreAcc[e] ?? 0) / (minMass[e] ?? 1)) ** (1 - alpha);
      bounds[i] = share * maxWeight * phraseBound + (1 - share) * coverage;
      keys[i] = Math.floor((bounds[i] ?? 0) * BOUND_SCALE) * POSITION_SPAN + i;
      coreAcc[e] = 0;
      creditAcc[e] = 0;
      answerAcc[e] = 0;
    }
    keys.sort();
    const top: Candidate[] = [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const i = (keys[k] ?? 0) % POSITION_SPAN;
      if (top.length === limit && (bounds[i] ?? 0) <= (top[limit - 1]?.confidence ?? 0)) break;
      const e = touched[i] ?? 0;
      const coverage = coverages[i] ?? 0;
      const confidence = share * bestPhrase(e, total) + (1 - share) * coverage;
      insertTop(top, { entry: e, confidence, coverage }, limit);
    }
    for (const id of ids) queryWeight[id] = 0;
    return top;
  };
}

// Keeps `top` sorted by confidence, at most `limit` long, without sorting every touched entry.
function insertTop(top: Candidate[], c: Candidate, limit: number): void {
  if (top.length === limit && c.confidence <= (top[limit - 1]?.confidence ?? 0)) return;
  let i = top.length;
  while (i > 0 && (top[i - 1]?.confidence ?? 0) < c.confidence) i -= 1;
  top.splice(i, 0, c);
  if (top.length > limit) top.pop();
}
