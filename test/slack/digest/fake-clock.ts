import type { Clock } from '../../../src/slack/digest.js';

/** A clock whose time moves only when a test fires its next timer. */
export interface FakeClock extends Clock {
  /** Moves time to the next timer and runs it; resolves with the new time. */
  fireNext(): Date;
  pending(): number;
}

/** A {@link FakeClock} starting at `start`. */
export function createFakeClock(start: Date): FakeClock {
  let now = start.getTime();
  const timers = new Set<{ at: number; run: () => void }>();
  return {
    now: () => new Date(now),
    setTimeout(run, ms) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return timer;
    },
    clearTimeout(handle) {
      timers.delete(handle as { at: number; run: () => void });
    },
    fireNext() {
      const [next] = [...timers].sort((a, b) => a.at - b.at);
      if (!next) throw new Error('no timer is pending');
      timers.delete(next);
      now = next.at;
      next.run();
      return new Date(now);
    },
    pending: () => timers.size,
  };
}
