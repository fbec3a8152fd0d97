import type { Entry } from '../src/core/knowledge/types.js';
import { candidateLimit, type createRanker } from '../src/core/match/create-matcher.js';
import { leadOf, lengthFeature, minCoverageOf, raise } from '../src/core/match/decide-match.js';
import type { MatchOptions } from '../src/core/match/options.js';

/**
 * The calibration's features of a question's best candidate, in one place so that the fit (bench/calibrate.ts) and
 * the cross-validation (bench/calibrate-cv.ts) read the same definitions. `droppedAlternates` is subtracted from the
 * right entry's alternates when the question asked is one of them, left out of the index it was ranked against.
 */
export function candidateFeatures(
  rank: ReturnType<typeof createRanker>,
  question: string,
  want: string | null,
  entries: readonly Entry[],
  opts: Readonly<MatchOptions>,
  droppedAlternates = 0,
) {
  const ranked = rank(question, candidateLimit(opts));
  const [top, second] = ranked;
  const margin = leadOf(ranked);
  const entry = top === undefined ? undefined : entries[top.entry];
  return {
    entry,
    right: entry !== undefined && entry.id === want,
    covered: entry !== undefined && (top?.coverage ?? 0) >= minCoverageOf(entry, opts),
    features: {
      score: top === undefined ? 0 : raise(top.confidence, margin, opts.marginWeight),
      coverage: top?.coverage ?? 0,
      margin,
      length: lengthFeature(question, opts.calibration?.lengthCap),
      alternates: Math.log1p((entry?.questions.length ?? 0) - (entry?.id === want ? droppedAlternates : 0)),
      questionShare: top?.questionShare ?? 0,
      absent: top?.absent ?? 0,
      agrees: top?.agrees ?? 0,
      missing: top?.missingConcept ?? 0,
      sentence: top?.sentence ?? 0,
      unnamed: top?.unnamed ?? 0,
      second: second?.confidence ?? 0,
      alone: top?.view?.alone ?? top?.confidence ?? 0,
      viewCoverage: top?.view?.coverage ?? top?.coverage ?? 0,
    },
  };
}
