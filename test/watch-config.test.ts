import { describe, expect, it } from 'vitest';
import { SCHEDULER_DEFAULTS } from '../src/core/watch/scheduler.js';
import { loadWatchConfig } from '../src/watch-config.js';

describe('loadWatchConfig', () => {
  it('has defaults for everything', () => {
    expect(loadWatchConfig({})).toEqual({
      scheduler: true,
      defaultEveryMs: 86_400_000,
      tickMs: SCHEDULER_DEFAULTS.tickMs,
      concurrency: undefined,
      recheckDelayMs: SCHEDULER_DEFAULTS.decide.recheckDelayMs,
      inconclusiveAlertAfter: SCHEDULER_DEFAULTS.decide.inconclusiveAlertAfter,
      retentionMs: SCHEDULER_DEFAULTS.retentionMs,
      leaseMs: SCHEDULER_DEFAULTS.leaseMs,
      render: undefined,
    });
  });

  it('reads every BEIAN_WATCH_ variable, empty ones as unset', () => {
    expect(
      loadWatchConfig({
        BEIAN_WATCH_SCHEDULER: 'no',
        BEIAN_WATCH_DEFAULT_EVERY: '6h',
        BEIAN_WATCH_TICK_SECONDS: '5',
        BEIAN_WATCH_CONCURRENCY: '16',
        BEIAN_WATCH_RECHECK_SECONDS: '30',
        BEIAN_WATCH_INCONCLUSIVE_ALERT_AFTER: '5',
        BEIAN_WATCH_RETENTION_DAYS: '30',
        BEIAN_WATCH_LEASE_SECONDS: '',
        BEIAN_WATCH_RENDER: 'yes',
      }),
    ).toEqual({
      scheduler: false,
      defaultEveryMs: 21_600_000,
      tickMs: 5_000,
      concurrency: 16,
      recheckDelayMs: 30_000,
      inconclusiveAlertAfter: 5,
      retentionMs: 30 * 86_400_000,
      leaseMs: SCHEDULER_DEFAULTS.leaseMs,
      render: true,
    });
    expect(loadWatchConfig({ BEIAN_WATCH_RENDER: '0' }).render).toBe(false);
  });

  it('names every bad variable at once', () => {
    const load = () =>
      loadWatchConfig({
        BEIAN_WATCH_DEFAULT_EVERY: '10s',
        BEIAN_WATCH_CONCURRENCY: '0',
        BEIAN_WATCH_SCHEDULER: 'maybe',
        BEIAN_WATCH_RENDER: 'sometimes',
      });
    expect(load).toThrow(/at least 1m.*\n.*→ at BEIAN_WATCH_DEFAULT_EVERY/);
    expect(load).toThrow(/BEIAN_WATCH_CONCURRENCY/);
    expect(load).toThrow(/BEIAN_WATCH_SCHEDULER/);
    expect(load).toThrow(/BEIAN_WATCH_RENDER/);
  });
});
