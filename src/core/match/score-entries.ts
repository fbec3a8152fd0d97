import type { MatchOptions } from './options.js';
import type { TermIndex } from './term-index.js';

/** One scored entry. */
export interface Candidate {
  /** Position of the entry in the knowledge base. */
  entry: number;
  /** In [0, 1]: a blend of the best phrase similarity and entry-wide coverage. */
  confidence: number;
  /** Share of the question's term weight found anywhere in the entry (answer terms count less). */
  coverage: number;
}

/** Weighted question terms: term → weight (its idf, or the unknown-term weight). */
export type WeightedTerms = ReadonlyMap<string, number>;

type ScoreOptions = Pick<MatchOptions, 'queryCoverageExponent' | 'phraseShare' | 'answerWeight'>;

/**
 * A reusable scorer over one index. Scratch arrays are allocated once; each call touches only
 * the postings of the question's terms and keeps the best `limit` entries.
 */
export function createScorer(index: TermIndex, options: ScoreOptions) {
  const phraseAcc = new Float64Array(index.phrases.length);
  const coreAcc = new Float64Array(index.entries.length);
  const answerAcc = new Float64Array(index.entries.length);
  const bestPhrase = new Float64Array(index.entries.length);
  const alpha = options.queryCoverageExponent;

  return function scoreEntries(terms: WeightedTerms, limit: number): Candidate[] {
    let total = 0;
    for (const w of terms.values()) total += w;
    if (total <= 0) return [];
    const touchedPhrases: number[] = [];
    const touchedEntries: number[] = [];
    for (const [term, w] of terms) {
      accumulate(index.phrasePostings.get(term), phraseAcc, w, touchedPhrases);
      accumulate(index.corePostings.get(term), coreAcc, w, touchedEntries);
      accumulate(index.answerPostings.get(term), answerAcc, w, touchedEntries);
    }
    for (const p of touchedPhrases) {
      const phrase = index.phrases[p];
      const matched = phraseAcc[p] ?? 0;
      phraseAcc[p] = 0;
      if (phrase === undefined || phrase.mass <= 0) continue;
      const sim = phrase.weight * (matched / total) ** alpha * Math.min(1, matched / phrase.mass) ** (1 - alpha);
      if (sim > (bestPhrase[phrase.entry] ?? 0)) bestPhrase[phrase.entry] = sim;
    }
    const top: Candidate[] = [];
    for (const e of touchedEntries) {
      const core = coreAcc[e] ?? 0;
      if (core === 0 && answerAcc[e] === 0) continue; // already taken (an entry can be touched twice)
      const coverage = Math.min(1, (core + options.answerWeight * (answerAcc[e] ?? 0)) / total);
      const confidence = options.phraseShare * (bestPhrase[e] ?? 0) + (1 - options.phraseShare) * coverage;
      coreAcc[e] = 0;
      answerAcc[e] = 0;
      bestPhrase[e] = 0;
      insertTop(top, { entry: e, confidence, coverage }, limit);
    }
    return top;
  };
}

function accumulate(postings: Int32Array | undefined, acc: Float64Array, w: number, touched: number[]): void {
  if (postings === undefined) return;
  for (const i of postings) {
    if (acc[i] === 0) touched.push(i);
    acc[i] = (acc[i] ?? 0) + w;
  }
}

// Keeps `top` sorted by confidence, at most `limit` long, without sorting every touched entry.
function insertTop(top: Candidate[], c: Candidate, limit: number): void {
  if (top.length === limit && c.confidence <= (top[limit - 1]?.confidence ?? 0)) return;
  let i = top.length;
  while (i > 0 && (top[i - 1]?.confidence ?? 0) < c.confidence) i -= 1;
  top.splice(i, 0, c);
  if (top.length > limit) top.pop();
}
