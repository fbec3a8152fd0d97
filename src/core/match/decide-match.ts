import type { Entry } from '../knowledge/types.js';
import type { MatchOptions } from './options.js';
import type { Candidate } from './score-entries.js';
import type { MatchResult, Suggestion } from './types.js';

type DecideOptions = Pick<
  MatchOptions,
  'answerThreshold' | 'minMargin' | 'marginWeight' | 'minCoverage' | 'suggestThreshold' | 'maxSuggestions'
>;

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
  const margin = top.confidence - (ranked[1]?.confidence ?? 0);
  const answered =
    calibrate(top.confidence, margin, options.marginWeight) >= options.answerThreshold &&
    margin >= options.minMargin &&
    top.coverage >= options.minCoverage;
  const pool = answered ? ranked.slice(1) : ranked;
  const suggestions: Suggestion[] = [];
  for (const c of pool) {
    const entry = entries[c.entry];
    if (entry === undefined || c.confidence < options.suggestThreshold) continue;
    if (suggestions.length === options.maxSuggestions) break;
    suggestions.push({ id: entry.id, title: entry.title, confidence: round(c.confidence) });
  }
  return { question, answered, confidence: round(top.confidence), best, suggestions };
}

// A lead over the runner-up closes part of the gap to certainty, so a clear winner needs less absolute
// similarity; the result stays below 1 unless the confidence is 1, so a threshold of 1 still means "exact only".
function calibrate(confidence: number, margin: number, marginWeight: number): number {
  return confidence + marginWeight * margin * (1 - confidence);
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
