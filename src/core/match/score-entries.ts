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
  /** Share of the message's weight found in the entry's best single answer sentence; set by the ranker. */
  sentence?: number;
  /** Share of the weight of the entry's defining terms (create-matcher.ts, definingTerms) the message does not name; set by the ranker. */
  unnamed?: number;
  /**
   * What the ranking adds to the confidence for this entry (see {@link rankKey}): with a calibration, the part of it
   * that depends on the entry alone, so entries are ordered by their calibrated chance of being right.
   */
  prior?: number;
  /** 1 when the message has context and its question part alone ranks this entry first; set by the ranker. */
  agrees?: number;
  /**
   * The same entry measured by the message's question part, its context and quotes counting only where the entry uses
   * them (see evidenceDilution), and (`alone`) by the question part alone; set when the message has context or quotes.
   */
  view?: { confidence: number; coverage: number; alone: number };
}

/** The key candidates are ranked by: the confidence plus the entry's prior. */
export function rankKey(c: Pick<Candidate, 'confidence' | 'prior'>): number {
  return c.confidence + (c.prior ?? 0);
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
  Partial<Pick<MatchOptions, 'answerAlternates' | 'relativePhraseCounts' | 'evidenceDilution'>>;

/**
 * Per entry, how much a term found only in its answer counts towards its coverage. An entry with few alternate
 * questions (a title-only imported FAQ) is described mostly by its answer: the answer counts k / (k + alternates), and
 * never less than answerWeight.
 */
export function answerShares(
  index: TermIndex,
  options: Pick<MatchOptions, 'answerWeight'> & Partial<Pick<MatchOptions, 'answerAlternates'>>,
): Float64Array {
  const k = options.answerAlternates ?? 0;
  return Float64Array.from(index.entries, (_, e) => {
    const alternates = (index.phraseStart[e + 1] ?? 0) - (index.phraseStart[e] ?? 0) - 1;
    return Math.max(options.answerWeight, k / (k + Math.max(0, alternates)) || 0);
  });
}

/**
 * A reusable scorer over one index. Each call (1) adds up, through the postings of the question's
 * terms, how much of the question every touched entry contains; (2) bounds each entry's confidence
 * from that sum alone; (3) scores entries exactly, phrase by phrase, in order of that bound, and
 * stops as soon as no remaining entry could enter the best `limit`. The result is exact; the work
 * is mostly the postings walk.
 */
export function createScorer(index: TermIndex, options: ScoreOptions, priors?: Float64Array) {
  const coreAcc = new Float64Array(index.entries.length);
  const creditAcc = new Float64Array(index.entries.length);
  // Per posting, the share of a term's weight it adds to coverage: c / (c + k) for a term c of the entry's phrases use.
  const sat = options.phraseCountSaturation;
  // With `relativePhraseCounts`, a term every phrase of the entry uses counts fully however few phrases it has: a
  // title-only entry's title is all it asks.
  const fullCredit = Float64Array.from(index.entries, (entry) => {
    if (!(options.relativePhraseCounts ?? false) || entry.questions.length >= (options.answerAlternates ?? 0)) return 1;
    const n = 1 + entry.questions.length + (entry.tags.length > 0 ? 1 : 0);
    return n / (n + sat);
  });
  const credits = new Map(
    [...index.corePhraseCounts].map(([term, counts]) => {
      const postings = index.corePostings.get(term) ?? new Int32Array(0);
      return [
        term,
        Float64Array.from(counts, (c, j) => Math.min(1, c / (c + sat) / (fullCredit[postings[j] ?? 0] ?? 1))),
      ];
    }),
  );
  const answerAcc = new Float64Array(index.entries.length);
  // Per entry, the weight of the message's evidence terms (context, quotes) the entry uses anywhere, and the coverage
  // credit (as creditAcc, answerAcc) of its question part's terms alone.
  const evidenceAcc = new Float64Array(index.entries.length);
  const askedCreditAcc = new Float64Array(index.entries.length);
  const askedAnswerAcc = new Float64Array(index.entries.length);
  const dilution = options.evidenceDilution ?? 1;
  const answerShare = answerShares(index, options);
  const alpha = options.queryCoverageExponent;
  const share = options.phraseShare;
  const maxWeight = Math.max(0, ...index.phrases.map((p) => p.weight));
  // Sort keys must stay non-negative (the position is read back as the remainder): a negative prior shifts them all.
  const keyShift = priors === undefined ? 0 : -priors.reduce((min, p) => Math.min(min, p), 0);
  const addAnswerWeight = (postings: Int32Array | undefined, w: number, evidence: boolean, view: boolean): void => {
    if (postings === undefined) return;
    for (const i of postings) {
      if ((coreAcc[i] ?? 0) === 0) continue;
      answerAcc[i] = (answerAcc[i] ?? 0) + w;
      if (evidence) evidenceAcc[i] = (evidenceAcc[i] ?? 0) + w;
      else if (view) askedAnswerAcc[i] = (askedAnswerAcc[i] ?? 0) + w;
    }
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

  // The question's weights by term id, set for the duration of one call; and those of its question part alone.
  const queryWeight = new Float64Array(index.termIds.size);
  const askedWeight = new Float64Array(index.termIds.size);

  const bestPhrase = (e: number, total: number, weights = queryWeight): number => {
    let best = 0;
    for (let p = index.phraseStart[e] ?? 0; p < (index.phraseStart[e + 1] ?? 0); p += 1) {
      const phrase = index.phrases[p];
      if (phrase === undefined || phrase.mass <= 0) continue;
      let matched = 0;
      for (const id of phrase.terms) matched += weights[id] ?? 0;
      if (matched === 0) continue;
      const sim = phrase.weight * (matched / total) ** alpha * Math.min(1, matched / phrase.mass) ** (1 - alpha);
      if (sim > best) best = sim;
    }
    return best;
  };

  /**
   * Entries are ranked by the whole message. `asked`, when given, holds the terms of the message's question part; the
   * others (context, quotes) are evidence, and each candidate also gets its {@link Candidate.view}: a term of the
   * evidence the entry uses counts in full there, one it does not only evidenceDilution of its weight, so a long
   * message is judged by what it asks and its context can add to that but not dilute it.
   */
  return function scoreEntries(terms: WeightedTerms, limit: number, asked?: ReadonlySet<string>): Candidate[] {
    let sum = 0;
    let evidenceSum = 0;
    const isEvidence = (term: string) => asked !== undefined && dilution < 1 && !asked.has(term);
    for (const [term, w] of terms) {
      sum += w;
      if (isEvidence(term)) evidenceSum += w;
    }
    if (sum <= 0) return [];
    // A question carrying less weight than this is measured as if it did: "在吗" or "收到" may be all
    // found in an entry, but all of very little is not evidence.
    const floor = options.minQuestionWeight * index.maxIdf;
    const total = Math.max(sum, floor);
    const withView = evidenceSum > 0;
    const diluted = sum - (1 - dilution) * evidenceSum;
    const askedTotal = Math.max(sum - evidenceSum, floor);
    const touched: number[] = [];
    const ids: number[] = [];
    for (const [term, w] of terms) {
      const id = index.termIds.get(term);
      const evidence = isEvidence(term);
      if (id !== undefined) {
        queryWeight[id] = w;
        if (withView && !evidence) askedWeight[id] = w;
        ids.push(id);
      }
      const postings = index.corePostings.get(term);
      const credit = credits.get(term);
      if (postings === undefined || credit === undefined) continue;
      for (let j = 0; j < postings.length; j += 1) {
        const i = postings[j] ?? 0;
        if (coreAcc[i] === 0) touched.push(i);
        coreAcc[i] = (coreAcc[i] ?? 0) + w;
        const credited = w * (credit[j] ?? 1);
        creditAcc[i] = (creditAcc[i] ?? 0) + credited;
        if (evidence) evidenceAcc[i] = (evidenceAcc[i] ?? 0) + w;
        else if (withView) askedCreditAcc[i] = (askedCreditAcc[i] ?? 0) + credited;
      }
    }
    // Answers only add to entries the title, questions or tags already found: an answer match alone
    // could never reach the suggestion threshold, and skipping those entries keeps the sort small.
    if (options.answerWeight > 0) {
      for (const [term, w] of terms) addAnswerWeight(index.answerPostings.get(term), w, isEvidence(term), withView);
    }
    const bounds = new Float64Array(touched.length);
    const coverages = new Float64Array(touched.length);
    // The view's measure and coverage of each entry, and the question part's own coverage (when the message has
    // evidence terms); the view's phrase scores are computed for the best `limit` entries only.
    const viewTotals = new Float64Array(withView ? touched.length : 0);
    const viewCoverages = new Float64Array(withView ? touched.length : 0);
    const aloneCoverages = new Float64Array(withView ? touched.length : 0);
    // Sort keys: the bound in the high digits, the position in the low ones, so a plain numeric sort
    // of a typed array (no comparator) orders entries by bound.
    const keys = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i += 1) {
      const e = touched[i] ?? 0;
      const core = (coreAcc[e] ?? 0) / total;
      const found = (creditAcc[e] ?? 0) + (answerShare[e] ?? 0) * (answerAcc[e] ?? 0);
      const coverage = Math.min(1, found / total);
      coverages[i] = coverage;
      if (withView) {
        const viewTotal = Math.max(diluted + (1 - dilution) * (evidenceAcc[e] ?? 0), floor);
        viewTotals[i] = viewTotal;
        viewCoverages[i] = Math.min(1, found / viewTotal);
        const askedFound = (askedCreditAcc[e] ?? 0) + (answerShare[e] ?? 0) * (askedAnswerAcc[e] ?? 0);
        // As if scored alone: answers count only for entries whose phrases use some term of the question part.
        aloneCoverages[i] = (askedCreditAcc[e] ?? 0) > 0 ? Math.min(1, askedFound / askedTotal) : 0;
        askedCreditAcc[e] = 0;
        askedAnswerAcc[e] = 0;
      }
      const phraseBound =
        Math.min(1, core) ** alpha * Math.min(1, (coreAcc[e] ?? 0) / (minMass[e] ?? 1)) ** (1 - alpha);
      bounds[i] = share * maxWeight * phraseBound + (1 - share) * coverage + (priors?.[e] ?? 0);
      keys[i] = Math.floor(((bounds[i] ?? 0) + keyShift) * BOUND_SCALE) * POSITION_SPAN + i;
      coreAcc[e] = 0;
      creditAcc[e] = 0;
      answerAcc[e] = 0;
      evidenceAcc[e] = 0;
    }
    keys.sort();
    const top: Candidate[] = [];
    const slotOf = new Map<number, number>();
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const i = (keys[k] ?? 0) % POSITION_SPAN;
      const last = top[limit - 1];
      if (top.length === limit && last !== undefined && (bounds[i] ?? 0) <= rankKey(last)) break;
      const e = touched[i] ?? 0;
      const coverage = coverages[i] ?? 0;
      const confidence = share * bestPhrase(e, total) + (1 - share) * coverage;
      if (withView) slotOf.set(e, i);
      const c: Candidate = { entry: e, confidence, coverage };
      if (priors !== undefined) c.prior = priors[e] ?? 0;
      insertTop(top, c, limit);
    }
    if (withView) {
      for (const c of top) {
        const i = slotOf.get(c.entry) ?? 0;
        const viewCoverage = viewCoverages[i] ?? 0;
        c.view = {
          confidence: share * bestPhrase(c.entry, viewTotals[i] ?? total) + (1 - share) * viewCoverage,
          coverage: viewCoverage,
          alone: share * bestPhrase(c.entry, askedTotal, askedWeight) + (1 - share) * (aloneCoverages[i] ?? 0),
        };
      }
    }
    for (const id of ids) {
      queryWeight[id] = 0;
      askedWeight[id] = 0;
    }
    return top;
  };
}

// Keeps `top` sorted by rankKey, at most `limit` long, without sorting every touched entry.
function insertTop(top: Candidate[], c: Candidate, limit: number): void {
  const key = rankKey(c);
  const last = top[limit - 1];
  if (top.length === limit && last !== undefined && key <= rankKey(last)) return;
  let i = top.length;
  while (i > 0 && rankKey(top[i - 1] ?? c) < key) i -= 1;
  top.splice(i, 0, c);
  if (top.length > limit) top.pop();
}
