import type { Entry } from '../knowledge/types.js';
import type { MatchOptions } from './options.js';
import type { Candidate } from './score-entries.js';
import type { MatchResult, Suggestion } from './types.js';

type DecideOptions = Pick<
  MatchOptions,
  'answerThreshold' | 'minMargin' | 'marginWeight' | 'minCoverage' | 'suggestThreshold' | 'maxSuggestions'
> &
  Partial<Pick<MatchOptions, 'calibration' | 'answerAlternates' | 'fewAlternatesCoverage' | 'priorOnlyThreshold'>>;

/**
 * Turns ranked candidates into a {@link MatchResult}. The best entry is answered only when its
 * confidence, raised by its lead over the runner-up (a clear winner needs less), reaches the threshold
 * and it contains enough of the question's weight — a threshold alone lets a question that shares one
 * common word with an entry through.
 */
export function decideMatch(
  question: string,
  ranked: readonly Candidate[],
  entries: readonly Entry[],
  options: DecideOptions,
): MatchResult {
  const top = ranked[0];
  const best = top === undefined ? undefined : entries[top.entry];
  if (top === undefined || best === undefined) {
    return { question, answered: false, confidence: 0, best: null, suggestions: [] };
  }
  const margin = leadOf(ranked);
  const calibration = options.calibration ?? null;
  const topConfidence = confidenceOf(top, margin, question, entries, options);
  const answered =
    (calibration === null ? raise(top.confidence, margin, options.marginWeight) : topConfidence) >=
      options.answerThreshold &&
    (margin >= options.minMargin ||
      (margin < 0 && topConfidence >= (options.priorOnlyThreshold ?? Number.POSITIVE_INFINITY))) &&
    top.coverage >= minCoverageOf(best, options);
  const pool = answered ? ranked.slice(1) : ranked;
  const suggestions: Suggestion[] = [];
  for (const c of pool) {
    const entry = entries[c.entry];
    if (entry === undefined || c.confidence < options.suggestThreshold) continue;
    if (suggestions.length === options.maxSuggestions) break;
    // A runner-up trails the best entry: its margin is negative, and it is never more likely than the best.
    const confidence =
      c === top
        ? topConfidence
        : Math.min(topConfidence, confidenceOf(c, c.confidence - top.confidence, question, entries, options));
    suggestions.push({ id: entry.id, title: entry.title, confidence: round(confidence) });
  }
  if (!answered)
    suggestions.sort((a, b) => (a.id === best.id ? -1 : b.id === best.id ? 1 : b.confidence - a.confidence));
  else suggestions.sort((a, b) => b.confidence - a.confidence);
  return { question, answered, confidence: round(topConfidence), best, suggestions };
}

/**
 * The best candidate's lead over every other candidate's raw score. One the ranking put first only by its entry's prior
 * (score-entries.ts, rankKey) leads by less than nothing, so it is offered first and answered only when the calibrated
 * chance reaches priorOnlyThreshold: the raw score and the calibrated chance disagree on which entry it is.
 */
export function leadOf(ranked: readonly Candidate[]): number {
  const top = ranked[0];
  if (top === undefined) return 0;
  let runnerUp = 0;
  for (let i = 1; i < ranked.length; i += 1) runnerUp = Math.max(runnerUp, ranked[i]?.confidence ?? 0);
  return top.confidence - runnerUp;
}

/**
 * The share of the question's weight `entry` must contain to be answered: an entry with fewer alternate questions than
 * answerAlternates (a title-only import) has one or two phrases to cover a question's words with, so it needs less.
 */
export function minCoverageOf(entry: Entry, options: DecideOptions): number {
  const few = entry.questions.length < (options.answerAlternates ?? 0);
  return few ? options.minCoverage * (options.fewAlternatesCoverage ?? 1) : options.minCoverage;
}

/** The confidence reported for a candidate: the calibrated chance that it is right, or its raw score without a calibration. */
function confidenceOf(
  c: Candidate,
  margin: number,
  question: string,
  entries: readonly Entry[],
  options: DecideOptions,
): number {
  const k = options.calibration ?? null;
  if (k === null) return c.confidence;
  const s = raise(c.confidence, Math.max(0, margin), options.marginWeight);
  const alternates = Math.log1p(entries[c.entry]?.questions.length ?? 0);
  const z =
    k.intercept +
    k.score * s +
    k.coverage * c.coverage +
    k.margin * margin +
    k.length * lengthFeature(question, k.lengthCap) +
    k.alternates * alternates +
    (k.questionShare ?? 0) * (c.questionShare ?? 0) +
    (k.absent ?? 0) * (c.absent ?? 0) +
    (k.agrees ?? 0) * (c.agrees ?? 0) +
    (k.missing ?? 0) * (c.missingConcept ?? 0) +
    (k.sentence ?? 0) * (c.sentence ?? 0) +
    (k.unnamed ?? 0) * (c.unnamed ?? 0);
  return 1 / (1 + Math.exp(-z));
}

// Messages up to this many characters read as one question; only longer ones spread their words over more entries.
// 30 by bench/calibrate.ts (knees 30/60/100; ln(1 + characters) before, which made short questions less sure than
// long ones and so learnt the make-up of each eval set: questions.jsonl tune 87/90 right at 0.6 with 30).
const ONE_QUESTION_CHARS = 30;

/**
 * The calibration's length feature: 0 for a message of one question's length, ln(characters / that length) above it,
 * and never more than `cap` (a long message is no surer for being longer still).
 */
export function lengthFeature(question: string, cap = Number.POSITIVE_INFINITY): number {
  return Math.min(cap, Math.log(Math.max(1, question.length / ONE_QUESTION_CHARS)));
}

/**
 * A lead over the runner-up closes part of the gap to certainty, so a clear winner needs less absolute
 * similarity; the result stays below 1 unless the confidence is 1, so a threshold of 1 still means "exact only".
 */
export function raise(confidence: number, margin: number, marginWeight: number): number {
  return confidence + marginWeight * margin * (1 - confidence);
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
