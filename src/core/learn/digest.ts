import { findStaleEntries, type StaleEntry } from '../knowledge/freshness.js';
import { type CandidateEntry, type SuggestInput, suggestFromTraffic, type TroubledEntry } from './suggest.js';

/** The weekly knowledge digest: what people asked that had no answer, what is stale, what did not help. */
export interface Digest {
  /** The period covered, ISO timestamps. */
  since: string;
  until: string;
  unanswered: CandidateEntry[];
  stale: StaleEntry[];
  leastHelpful: TroubledEntry[];
}

/** How long a digest covers and how many rows each list keeps. */
export interface DigestOptions {
  days: number;
  limit: number;
}

/** A week, five rows a list: a digest read in a minute. */
export const DEFAULT_DIGEST_OPTIONS: Readonly<DigestOptions> = Object.freeze({ days: 7, limit: 5 });

/**
 * Builds the digest from the evidence of the period (already read from `since`): every unanswered question counts
 * (not only those two people asked), every 👎 or 🙋 counts, and staleness is judged on `now`'s UTC day.
 */
export function buildDigest(input: SuggestInput, now: Date, options: Partial<DigestOptions> = {}): Digest {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const report = suggestFromTraffic(input, { minPeople: 1, minNegative: 1 });
  return {
    since: digestSince(now, o.days),
    until: now.toISOString(),
    unanswered: report.candidates.slice(0, o.limit),
    stale: findStaleEntries(input.kb, now.toISOString().slice(0, 10)).slice(0, o.limit),
    leastHelpful: report.troubled.slice(0, o.limit),
  };
}

/** The start of a digest's period of `days` ending at `now`, ISO. */
export function digestSince(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
