import { loadConfig } from '../config.js';
import { BeianError, UsageError } from '../core/errors.js';
import { createAnalysePool } from '../core/footer/analyse/analyse-pool.js';
import type { CheckDeps } from '../core/footer/check-footer.js';
import { isNetworkFailure } from '../core/footer/network-failure.js';
import type { FooterReport } from '../core/footer/types.js';
import type { JobAttempt, JobOutcome } from '../queue/job-queue.js';
import type { QueueStore } from '../store/ports.js';
import { needsDatabase } from './check-queue.js';
import { openCommandStore } from './db.js';
import { checkTargetPolitely } from './host-lease.js';
import { shareChromium } from './shared-chromium.js';

/** The footer-check history's user for checks run from the queue. */
export const QUEUE_USER = 'beian-queue';

/** `beian worker`: runs queued checks until SIGTERM or SIGINT, then finishes the checks under way and exits 0. */
export async function runWorker(flags: { concurrency?: string }): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) throw needsDatabase('beian worker');
  const concurrency = parseConcurrency(flags.concurrency) ?? config.checkConcurrency;
  const store = await openCommandStore({});
  const { createPgBossQueue } = await import('../store/pg-boss-queue.js');
  const queue = await createPgBossQueue({
    databaseUrl: config.databaseUrl,
    supervise: true,
    poolSize: 2,
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const pool = createAnalysePool();
  // Shared with the watch scheduler this worker runs: one Chromium, started by the first job that asks for --render.
  const renderer = shareChromium();
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`beian worker: ${signal}: finishing the checks under way, taking no more\n`);
    stop.abort();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  process.stderr.write(`beian worker: checking queued footers, ${concurrency} at a time\n`);
  const handle = createJobHandler({
    queue: store.queue,
    hostIntervalMs: config.queue.hostIntervalMs,
    deps: async (job) =>
      job.options.render ? { analyse: pool.analyse, renderer: await renderer.get() } : { analyse: pool.analyse },
  });
  // Watched sites are re-checked here too ($BEIAN_WATCH_SCHEDULER): per-site leases keep each to one process.
  let stopWatching: () => Promise<void> = async () => undefined;
  try {
    const onError = (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`beian worker: the job queue could not be reached (${detail}); trying again\n`);
    };
    const { startWatching } = await import('./watch-runtime.js');
    stopWatching = await startWatching(config);
    await queue.work(handle, { concurrency, signal: stop.signal, onError });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await Promise.allSettled([queue.close(), store.close(), pool.close(), renderer.release(), stopWatching()]);
  }
  process.stderr.write('beian worker: stopped\n');
  return 0;
}

/** What a job handler needs: where results and host leases live, the rate limit, and the check's I/O. */
export interface JobHandlerDeps {
  queue: QueueStore;
  /** Least time between the starts of two checks of one host, across every worker. */
  hostIntervalMs: number;
  deps: (job: JobAttempt) => Promise<CheckDeps>;
  now?: () => Date;
}

/**
 * The queued job: waits for the target's host (one check at a time per host, `hostIntervalMs` apart, across
 * every worker), checks it, and keeps the result with the check history. A network failure asks for a retry;
 * on the last attempt its result is kept as dead and the queue moves the job to the dead-letter list.
 */
export function createJobHandler(handler: JobHandlerDeps): (job: JobAttempt) => Promise<JobOutcome> {
  const now = handler.now ?? (() => new Date());
  return async (job) => {
    const deps = await handler.deps(job);
    const report = await checkTargetPolitely(handler.queue, job.target, job.options, deps, handler.hostIntervalMs);
    const failed = isNetworkFailure(report);
    const reason = report.findings[0]?.message ?? 'network failure';
    if (failed && !job.lastAttempt) return { kind: 'retry', reason };
    await handler.queue.saveResult(
      {
        batch: job.batch,
        index: job.index,
        state: failed ? 'dead' : 'done',
        report: failed ? givenUp(report, job.attempt) : report,
        at: now().toISOString(),
      },
      QUEUE_USER,
    );
    return failed ? { kind: 'retry', reason } : { kind: 'done' };
  };
}

function givenUp(report: FooterReport, attempts: number): FooterReport {
  const message = `gave up after ${attempts} attempt(s); the job is on the dead-letter list (beian queue status)`;
  return { ...report, findings: [...report.findings, { rule: 'page', severity: 'info', message }] };
}

function parseConcurrency(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${raw}"`);
  }
  return value;
}

/** `beian queue status`: the counts, as a line for people or one JSON object. */
export async function showQueueStatus(flags: { json?: boolean }): Promise<number> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl) throw needsDatabase('beian queue status');
  const { createPgBossQueue } = await import('../store/pg-boss-queue.js');
  const queue = await createPgBossQueue({
    databaseUrl: config.databaseUrl,
    poolSize: 1,
  });
  try {
    const counts = await queue.counts();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(counts)}\n`);
    } else {
      process.stdout.write(
        `queued ${counts.queued} (of which retrying ${counts.retrying}), active ${counts.active}, ` +
          `done ${counts.done}, dead ${counts.dead}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof BeianError) throw error;
    throw new BeianError(
      'queue-status',
      `Could not read the job queue: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await queue.close();
  }
}
