import { hostOf } from '../footer/fetch/target.js';
import { MAX_SCREENSHOT_BYTES } from '../footer/render/footer-screenshot.js';
import type { FooterReport } from '../footer/types.js';
import { unfinishedReport } from '../footer/unfinished-report.js';
import { DECIDE_DEFAULTS, type DecideOptions, decideAlert } from './decide-alert.js';
import { nextRunAt, SCHEDULE_DEFAULTS, type ScheduleOptions } from './schedule.js';
import type { AlertEvent, AlertSink, CheckRun, Watch } from './types.js';
import type { WatchStore } from './watch-store-port.js';

/** What the scheduler needs from outside: the store, a footer check, where alerts go, and a clock. */
export interface SchedulerDeps {
  store: WatchStore;
  /** Checks one watched site (its expected number included); never rejects for a bad site. */
  check(watch: Watch): Promise<FooterReport>;
  sink: AlertSink;
  now(): number;
  /** Waits `ms` on the scheduler's clock; resolves early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Told about failures that do not stop the scheduler (a store error, an alert that could not be sent). */
  onError?(error: unknown, context: string): void;
}

/** How the scheduler runs. */
export interface SchedulerOptions {
  /** Time between looks for due watches. */
  tickMs: number;
  /** Checks at once across all hosts (one at a time per host). */
  concurrency: number;
  /** How long a lease on a site lasts: past it, a replica that died mid-check no longer holds the site. */
  leaseMs: number;
  /** History older than this is deleted (checked at most once an hour). */
  retentionMs: number;
  /** This replica's name in leases. */
  holder: string;
  decide: DecideOptions;
  schedule: ScheduleOptions;
}

/** Defaults, each with its reason. */
export const SCHEDULER_DEFAULTS: Readonly<Omit<SchedulerOptions, 'holder'>> = Object.freeze({
  // Due times are spread by minutes; looking every 30 s keeps a check within half a minute of its slot.
  tickMs: 30_000,
  // The same default as `beian check --concurrency`.
  concurrency: 8,
  // Well past one check's time limit (20 s by default) even when it waited for others on its host.
  leaseMs: 10 * 60_000,
  // Three months of history answers "since when?" for a quarter; older rows are rarely looked at.
  retentionMs: 90 * 86_400_000,
  decide: DECIDE_DEFAULTS,
  schedule: SCHEDULE_DEFAULTS,
});

/** What one round did. */
export interface RoundSummary {
  checked: number;
  alerts: number;
  /** Worse results held back for a re-check. */
  rechecks: number;
  /** Checks whose lease was lost before they were recorded (another replica took the site over). */
  lost: number;
}

/** The scheduler: `round` runs what is due now; `start` runs rounds every `tickMs` until `stop`. */
export interface Scheduler {
  /**
   * Checks every watch due now (with `all`, every watch), polite per host, and records each one.
   * With `awaitRechecks`, a result held back for a re-check is re-checked within the round after the delay.
   */
  round(options?: { all?: boolean; awaitRechecks?: boolean }): Promise<RoundSummary>;
  start(): void;
  /** Stops ticking and waits for the round under way to finish. */
  stop(): Promise<void>;
}

function runOf(watch: Watch, report: FooterReport, at: number): CheckRun {
  return {
    target: watch.target,
    at,
    verdict: report.verdict,
    icp: report.icp?.number ?? null,
    publicSecurity: report.publicSecurity?.number ?? null,
    findings: report.findings.map(({ rule, severity, message }) => ({ rule, severity, message })),
    recheck: watch.state.recheckPending,
    finalUrl: report.finalUrl,
  };
}

const PRUNE_EVERY_MS = 3_600_000;

// The picture rides on the alert only, never into the history: bytes are not worth keeping for every check.
function withPicture(alert: AlertEvent, report: FooterReport): AlertEvent {
  const shot = report.screenshot;
  return shot && shot.bytes.length <= MAX_SCREENSHOT_BYTES ? { ...alert, screenshot: shot } : alert;
}

/** Creates a scheduler over injected store, check, sink and clock; nothing runs until `round` or `start`. */
export function createScheduler(
  deps: SchedulerDeps,
  options: Partial<SchedulerOptions> & { holder: string },
): Scheduler {
  const settings: SchedulerOptions = { ...SCHEDULER_DEFAULTS, ...options };
  const { store } = deps;
  const report = (error: unknown, context: string) => deps.onError?.(error, context);
  let lastPrune = Number.NEGATIVE_INFINITY;
  let previous: Promise<unknown> = Promise.resolve();
  let stopper: AbortController | null = null;
  let loop: Promise<void> | null = null;

  async function send(watch: Watch, alert: AlertEvent): Promise<boolean> {
    if (watch.mutedUntil !== undefined && watch.mutedUntil > alert.at) return false;
    try {
      await deps.sink.alert(alert);
      return true;
    } catch (error) {
      report(error, `sending the ${alert.kind} alert for ${watch.target}`);
      return false;
    }
  }

  async function checkOne(watch: Watch, summary: RoundSummary, rechecks: Set<string>): Promise<void> {
    let result: FooterReport;
    try {
      result = await deps.check(watch);
    } catch (error) {
      result = unfinishedReport(watch.target, error);
    }
    const run = runOf(watch, result, deps.now());
    const decision = decideAlert(watch, watch.state, run, settings.decide);
    const next =
      decision.recheckInMs === null
        ? nextRunAt(watch.target, watch.everyMs, run.at, settings.schedule)
        : run.at + decision.recheckInMs;
    const stored = await store.complete(settings.holder, run, { state: decision.state, nextRunAt: next });
    if (!stored) {
      summary.lost += 1;
      return;
    }
    summary.checked += 1;
    if (decision.recheckInMs !== null) {
      summary.rechecks += 1;
      rechecks.add(watch.target);
    }
    if (decision.alert !== null && (await send(watch, withPicture(decision.alert, result)))) summary.alerts += 1;
  }

  // Workers share one queue of leased watches; a worker that finds a host busy hands the watch to the worker
  // checking that host, which runs it next: one check per host at a time, the others never wait idle.
  async function drain(dueBy: number, summary: RoundSummary, rechecks: Set<string>): Promise<void> {
    const queue: Watch[] = [];
    const waitingByHost = new Map<string, Watch[]>();
    let exhausted = false;
    let refill: Promise<void> | null = null;
    const take = async (): Promise<Watch | undefined> => {
      while (queue.length === 0 && !exhausted) {
        refill ??= store
          .leaseDue(settings.holder, {
            dueBy,
            now: deps.now(),
            limit: settings.concurrency * 4,
            ttlMs: settings.leaseMs,
          })
          .then((leased) => {
            if (leased.length === 0) exhausted = true;
            queue.push(...leased);
          })
          .finally(() => {
            refill = null;
          });
        await refill;
      }
      return queue.shift();
    };
    const worker = async () => {
      for (let watch = await take(); watch !== undefined; watch = await take()) {
        // An unparseable target is its own key: its check makes no request, so it holds no one up.
        const host = hostOf(watch.target) ?? watch.target;
        const waiting = waitingByHost.get(host);
        if (waiting !== undefined) {
          waiting.push(watch);
          continue;
        }
        const mine: Watch[] = [];
        waitingByHost.set(host, mine);
        try {
          for (let next: Watch | undefined = watch; next !== undefined; next = mine.shift()) {
            try {
              await checkOne(next, summary, rechecks);
            } catch (error) {
              report(error, `recording the check of ${next.target}`);
              await store.release(next.target, settings.holder).catch(() => undefined);
            }
          }
        } finally {
          waitingByHost.delete(host);
        }
      }
    };
    await Promise.all(Array.from({ length: settings.concurrency }, worker));
  }

  async function prune(at: number): Promise<void> {
    if (at - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = at;
    try {
      await store.pruneHistory(at - settings.retentionMs);
    } catch (error) {
      report(error, 'deleting old history');
    }
  }

  async function runRound(all: boolean, awaitRechecks: boolean): Promise<RoundSummary> {
    const summary: RoundSummary = { checked: 0, alerts: 0, rechecks: 0, lost: 0 };
    const start = deps.now();
    await prune(start);
    if (all) await store.makeDue(start);
    const rechecks = new Set<string>();
    await drain(start, summary, rechecks);
    if (awaitRechecks && rechecks.size > 0) {
      await deps.sleep(settings.decide.recheckDelayMs, stopper?.signal ?? new AbortController().signal);
      const at = deps.now();
      for (const target of rechecks) await store.makeDue(at, target);
      await drain(at, summary, new Set());
    }
    return summary;
  }

  // Rounds never overlap: a slow round makes the next one wait rather than lease the same sites twice here.
  const round: Scheduler['round'] = (roundOptions = {}) => {
    const next = previous.then(() => runRound(roundOptions.all === true, roundOptions.awaitRechecks === true));
    previous = next.catch(() => undefined);
    return next;
  };

  return {
    round,
    start() {
      if (loop !== null) return;
      const controller = new AbortController();
      stopper = controller;
      loop = (async () => {
        while (!controller.signal.aborted) {
          try {
            await round();
          } catch (error) {
            report(error, 'a scheduler round');
          }
          await deps.sleep(settings.tickMs, controller.signal);
        }
      })();
    },
    async stop() {
      stopper?.abort();
      await loop;
      loop = null;
      stopper = null;
    },
  };
}

/** A sleep on the real clock, for `SchedulerDeps.sleep`. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
