/** How checks are spread over time. */
export interface ScheduleOptions {
  /** Each next run is the interval plus or minus this share of it. */
  jitterRatio: number;
  /** A new watch's first check falls somewhere in this window (or its interval, when shorter). */
  firstRunWithinMs: number;
}

/** Defaults, each with its reason. */
export const SCHEDULE_DEFAULTS: Readonly<ScheduleOptions> = Object.freeze({
  // ±10 % of a day is ±2.4 h: 10,000 daily sites drift apart within days even when imported in one go.
  jitterRatio: 0.1,
  // An imported list starts within ten minutes, not all in the same second (10,000 sites: ~17 a second at most).
  firstRunWithinMs: 10 * 60_000,
});

/** A number in [0, 1) from `text`, the same on every replica and every run (FNV-1a, 32 bits, then mixed). */
export function spreadOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // MurmurHash3's finaliser: FNV alone barely moves the high bits when only the last character differs.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/** When a watch checked at `from` is next due: its interval, give or take a jitter fixed by target and round. */
export function nextRunAt(
  target: string,
  everyMs: number,
  from: number,
  options: ScheduleOptions = SCHEDULE_DEFAULTS,
): number {
  // The round number varies the offset so no site keeps drifting the same way; the mean stays `everyMs`.
  const round = Math.floor(from / everyMs);
  const offset = (2 * spreadOf(`${target}#${round}`) - 1) * options.jitterRatio * everyMs;
  return Math.round(from + everyMs + offset);
}

/** When a watch added at `now` is first due: spread by target over the first-run window. */
export function firstRunAt(
  target: string,
  everyMs: number,
  now: number,
  options: ScheduleOptions = SCHEDULE_DEFAULTS,
): number {
  return now + Math.floor(spreadOf(target) * Math.min(everyMs, options.firstRunWithinMs));
}
