import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/core/watch/duration.js';
import { firstRunAt, nextRunAt, SCHEDULE_DEFAULTS, spreadOf } from '../../../src/core/watch/schedule.js';

const DAY = 86_400_000;

describe('nextRunAt', () => {
  it('is the interval give or take the jitter, the same for the same target and time', () => {
    for (let i = 0; i < 1000; i += 1) {
      const next = nextRunAt(`site${i}.cn`, DAY, 5 * DAY);
      expect(Math.abs(next - 6 * DAY)).toBeLessThanOrEqual(SCHEDULE_DEFAULTS.jitterRatio * DAY);
      expect(nextRunAt(`site${i}.cn`, DAY, 5 * DAY)).toBe(next);
    }
  });

  it('spreads 10,000 sites checked at the same moment over the whole jitter window', () => {
    const offsets = Array.from({ length: 10_000 }, (_, i) => nextRunAt(`site${i}.cn`, DAY, 0) - DAY);
    const window = 2 * SCHEDULE_DEFAULTS.jitterRatio * DAY;
    const buckets = new Array(20).fill(0);
    for (const offset of offsets) buckets[Math.min(19, Math.floor(((offset + window / 2) / window) * 20))] += 1;
    // Each twentieth of the window gets about 500; none is empty or holds twice its share.
    for (const count of buckets) expect(count).toBeGreaterThan(350);
    for (const count of buckets) expect(count).toBeLessThan(650);
  });

  it('keeps the mean interval: a site does not drift the same way every round', () => {
    let at = 0;
    for (let round = 0; round < 200; round += 1) at = nextRunAt('drift.cn', DAY, at);
    expect(Math.abs(at / 200 - DAY)).toBeLessThan(0.02 * DAY);
  });
});

describe('firstRunAt', () => {
  it('spreads a new list over the first-run window, or the interval when that is shorter', () => {
    const firsts = Array.from({ length: 1000 }, (_, i) => firstRunAt(`s${i}.cn`, DAY, 1000));
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...firsts)).toBeLessThan(1000 + SCHEDULE_DEFAULTS.firstRunWithinMs);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(0.9 * SCHEDULE_DEFAULTS.firstRunWithinMs);
    expect(firstRunAt('s1.cn', 60_000, 0)).toBeLessThan(60_000);
  });

  it('gives a spread in [0, 1)', () => {
    for (const text of ['', 'a', 'example.cn', '中文.cn']) {
      expect(spreadOf(text)).toBeGreaterThanOrEqual(0);
      expect(spreadOf(text)).toBeLessThan(1);
    }
  });
});

describe.each([
  ['30s', 30_000, '30s'],
  ['15m', 900_000, '15m'],
  ['6h', 21_600_000, '6h'],
  ['1d', DAY, '1d'],
  ['2w', 14 * DAY, '2w'],
  ['1.5h', 5_400_000, '90m'],
  [' 1D ', DAY, '1d'],
])('parseDuration(%j)', (text, ms, shown) => {
  it(`is ${ms} ms, shown as ${shown}`, () => {
    expect(parseDuration(text)).toBe(ms);
    expect(formatDuration(ms)).toBe(shown);
  });
});

describe.each(['', '1', 'd', '1y', '-1d', '0d', '1d2h', 'one day'])('parseDuration(%j)', (text) => {
  it('is not a duration', () => {
    expect(parseDuration(text)).toBeNull();
  });
});
