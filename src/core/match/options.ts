/** Tunables of the matcher. Every default is in {@link DEFAULT_MATCH_OPTIONS} with the reason for it. */
export interface MatchOptions {
  /** Confidence at or above which the best entry is answered. */
  answerThreshold: number;
  /** Smallest confidence for an entry to be offered as a suggestion. */
  suggestThreshold: number;
  /** How many suggestions to return at most. */
  maxSuggestions: number;
}

/** The defaults, frozen; each says why and which figure chose it. */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  // Provisional until tuned on the eval set.
  answerThreshold: 0.5,
  // Provisional until tuned on the eval set.
  suggestThreshold: 0.25,
  // The contract in types.ts: up to three.
  maxSuggestions: 3,
});
