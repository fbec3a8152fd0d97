import { z } from 'zod';
import { ConfigError } from './core/errors.js';
import { parseDuration } from './core/watch/duration.js';
import { MIN_EVERY_MS } from './core/watch/import-watches.js';
import { SCHEDULER_DEFAULTS } from './core/watch/scheduler.js';

// t3-env's rule, as in config.ts: an empty string means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const seconds = (max: number) => z.coerce.number().positive().max(max);
const interval = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === null || ms < MIN_EVERY_MS) {
    ctx.addIssue({ code: 'custom', message: 'expected an interval of at least 1m, like 30m, 6h, 1d or 1w' });
    return z.NEVER;
  }
  return ms;
});

const schema = z.object({
  BEIAN_WATCH_SCHEDULER: optional(bool),
  BEIAN_WATCH_DEFAULT_EVERY: optional(interval),
  BEIAN_WATCH_TICK_SECONDS: optional(seconds(3600)),
  BEIAN_WATCH_CONCURRENCY: optional(z.coerce.number().int().min(1).max(256)),
  BEIAN_WATCH_RECHECK_SECONDS: optional(z.coerce.number().min(0).max(3600)),
  BEIAN_WATCH_INCONCLUSIVE_ALERT_AFTER: optional(z.coerce.number().int().min(1).max(100)),
  BEIAN_WATCH_RETENTION_DAYS: optional(z.coerce.number().positive().max(3650)),
  BEIAN_WATCH_LEASE_SECONDS: optional(seconds(86_400)),
  BEIAN_WATCH_RENDER: optional(bool),
});

/** Footer monitoring settings, from BEIAN_WATCH_* variables. */
export interface WatchConfig {
  /** Whether `beian serve` runs the scheduler (default: yes). */
  scheduler: boolean;
  /** The interval `watch add` and `watch import` use when none is given. */
  defaultEveryMs: number;
  tickMs: number;
  /** Checks at once; undefined: $BEIAN_CHECK_CONCURRENCY's value. */
  concurrency: number | undefined;
  recheckDelayMs: number;
  inconclusiveAlertAfter: number;
  retentionMs: number;
  leaseMs: number;
  /** Scheduled checks render in Chromium and alerts carry a footer picture; undefined: $BEIAN_RENDER's value. */
  render: boolean | undefined;
}

/** Validates the BEIAN_WATCH_* variables; throws a ConfigError naming every bad one. */
export function loadWatchConfig(env: Record<string, string | undefined> = process.env): WatchConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    scheduler: e.BEIAN_WATCH_SCHEDULER ?? true,
    defaultEveryMs: e.BEIAN_WATCH_DEFAULT_EVERY ?? 86_400_000,
    tickMs: e.BEIAN_WATCH_TICK_SECONDS === undefined ? SCHEDULER_DEFAULTS.tickMs : e.BEIAN_WATCH_TICK_SECONDS * 1000,
    concurrency: e.BEIAN_WATCH_CONCURRENCY,
    recheckDelayMs:
      e.BEIAN_WATCH_RECHECK_SECONDS === undefined
        ? SCHEDULER_DEFAULTS.decide.recheckDelayMs
        : e.BEIAN_WATCH_RECHECK_SECONDS * 1000,
    inconclusiveAlertAfter: e.BEIAN_WATCH_INCONCLUSIVE_ALERT_AFTER ?? SCHEDULER_DEFAULTS.decide.inconclusiveAlertAfter,
    retentionMs:
      e.BEIAN_WATCH_RETENTION_DAYS === undefined
        ? SCHEDULER_DEFAULTS.retentionMs
        : Math.round(e.BEIAN_WATCH_RETENTION_DAYS * 86_400_000),
    leaseMs:
      e.BEIAN_WATCH_LEASE_SECONDS === undefined ? SCHEDULER_DEFAULTS.leaseMs : e.BEIAN_WATCH_LEASE_SECONDS * 1000,
    render: e.BEIAN_WATCH_RENDER,
  };
}
