import type { Entry } from '../knowledge/types.js';

/** A runner-up entry offered as "Did you mean …?". */
export interface Suggestion {
  id: string;
  title: string;
  confidence: number;
}

/** The matcher's answer to one question. */
export interface MatchResult {
  question: string;
  /** True when the best entry is good enough to answer with. */
  answered: boolean;
  /** Confidence in the best entry, in [0, 1]. */
  confidence: number;
  /** The best candidate, even when not confident enough to answer (kept for feedback and reports). */
  best: Entry | null;
  /**
   * Up to three entries to offer. When answered: the runners-up after `best`.
   * When not answered: the best candidates, `best` first, only those plausible enough to offer.
   */
  suggestions: readonly Suggestion[];
}

export interface Matcher {
  match(question: string): MatchResult;
}
