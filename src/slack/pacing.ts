import type { Logger, webApi } from '@slack/bolt';

/**
 * Slack allows chat.postMessage about once a second per channel (short bursts are tolerated, long ones are not).
 * Each method is paced on its own, so an update or a status never waits behind a post. (The app's pace comes
 * from SLACK_POST_PACE_MS, 1000 by default.)
 */
export const DEFAULT_PACE_MS: Readonly<Record<string, number>> = Object.freeze({
  'chat.postMessage': 1000,
  'chat.postEphemeral': 1000,
});

/** How often one call may be refused with 429 (ratelimited) before its error reaches the caller. */
export const RATE_LIMIT_RETRIES = 5;

/** Options for createPacer. */
export interface PacerOptions {
  /** Least time between the starts of two calls of a method into one channel, per method; others are not paced. */
  paceMs?: Readonly<Record<string, number>>;
  logger?: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  rateLimitRetries?: number;
}

/** Runs Web API calls in per-method, per-channel lanes: in order, paced, and waiting out Retry-After. */
export interface Pacer {
  run<T>(method: string, channel: string | undefined, call: () => Promise<T>): Promise<T>;
}

interface Lane {
  /** The last call queued in this lane (paced methods run one at a time, in order). */
  tail: Promise<unknown>;
  /** Earliest time the next call may start: the pace, or the end of a Retry-After. */
  nextAt: number;
  pending: number;
}

// Idle lanes are forgotten once there are this many, so a bot in many channels does not grow without end.
const MAX_IDLE_LANES = 1000;

/** Builds a pacer; one per Web API client (one per workspace token). */
export function createPacer(options: PacerOptions = {}): Pacer {
  const paceMs = options.paceMs ?? DEFAULT_PACE_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retries = options.rateLimitRetries ?? RATE_LIMIT_RETRIES;
  const lanes = new Map<string, Lane>();

  const laneFor = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      if (lanes.size >= MAX_IDLE_LANES) forgetIdle(lanes, now());
      lane = { tail: Promise.resolve(), nextAt: 0, pending: 0 };
      lanes.set(key, lane);
    }
    return lane;
  };

  const attempt = async <T>(lane: Lane, method: string, pace: number, call: () => Promise<T>): Promise<T> => {
    for (let refused = 0; ; refused += 1) {
      const wait = lane.nextAt - now();
      if (wait > 0) await sleep(wait);
      lane.nextAt = Math.max(lane.nextAt, now() + pace);
      try {
        return await call();
      } catch (error) {
        const retryAfterS = retryAfterOf(error);
        if (retryAfterS === undefined || refused >= retries) throw error;
        options.logger?.info(`${method} was rate limited; waiting ${retryAfterS} s as Slack asks`);
        lane.nextAt = Math.max(lane.nextAt, now() + retryAfterS * 1000);
      }
    }
  };

  return {
    run(method, channel, call) {
      const lane = laneFor(`${method}\u0000${channel ?? ''}`);
      const pace = channel ? (paceMs[method] ?? 0) : 0;
      lane.pending += 1;
      const done = () => {
        lane.pending -= 1;
      };
      if (pace === 0) return attempt(lane, method, 0, call).finally(done);
      const result = lane.tail.then(() => attempt(lane, method, pace, call));
      lane.tail = result.then(done, done);
      return result;
    },
  };
}

function forgetIdle(lanes: Map<string, Lane>, at: number): void {
  for (const [key, lane] of lanes) {
    if (lane.pending === 0 && lane.nextAt <= at) lanes.delete(key);
  }
}

/** Retry-After in seconds when `error` is a 429 (WebClient with rejectRateLimitedCalls), else undefined. */
export function retryAfterOf(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown } | null;
  if (e?.code !== 'slack_webapi_rate_limited_error' || typeof e.retryAfter !== 'number') return undefined;
  return e.retryAfter;
}

const paced = new WeakSet<object>();

/**
 * Routes every Web API method of `client` (chat.postMessage, views.publish, assistant.threads.setStatus, …)
 * through a pacer of its own, once per client (Bolt keeps one client per workspace token). The client must be
 * built with `rejectRateLimitedCalls: true`, so a 429 reaches the pacer, which waits it out for that method and
 * channel only.
 */
export function paceClient(client: webApi.WebClient, options: PacerOptions = {}): void {
  if (paced.has(client)) return;
  paced.add(client);
  wrapMethods(client as unknown as Record<string, unknown>, '', createPacer(options), 0);
}

// WebClient's method groups (chat, views, assistant.threads, …) are plain objects of bound functions.
const NOT_METHODS = new Set(['logger', 'requestQueue', 'axios', 'token', 'slackApiUrl', 'retryConfig', 'tlsConfig']);

function wrapMethods(group: Record<string, unknown>, prefix: string, pacer: Pacer, depth: number): void {
  for (const [name, value] of Object.entries(group)) {
    if (NOT_METHODS.has(name) || name.startsWith('_')) continue;
    const method = `${prefix}${name}`;
    if (typeof value === 'function' && depth > 0) {
      const call = value as (args?: { channel?: unknown }) => Promise<unknown>;
      group[name] = (args?: { channel?: unknown }) =>
        pacer.run(method, typeof args?.channel === 'string' ? args.channel : undefined, () => call(args));
    } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && depth < 3) {
      wrapMethods(value as Record<string, unknown>, `${method}.`, pacer, depth + 1);
    }
  }
}
