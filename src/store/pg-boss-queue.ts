import pg from 'pg';
import PgBoss from 'pg-boss';
import type {
  EnqueueSettings,
  FooterJob,
  JobAttempt,
  JobOutcome,
  JobQueue,
  QueueCounts,
  WorkOptions,
} from '../queue/job-queue.js';
import { StoreError } from './create-store.js';

const QUEUE = 'footer-check';
const DEAD_LETTERS = 'footer-check-dead';
const SCHEMA = 'pgboss';
// Any fixed 64-bit key: the session lock that lets one process at a time install the schema and create the queues.
const OPEN_LOCK_KEY = 0x6265_6961_6e71; // "beianq"
// pg-boss inserts a batch as one JSON parameter: chunks keep each statement small on a 100,000-line list.
const INSERT_CHUNK = 1_000;

/** Where the queue lives and how this process uses it. */
export interface PgBossQueueOptions {
  databaseUrl: string;
  /** How long an idle worker waits before asking for jobs again. */
  pollMs?: number;
  /** Most PostgreSQL connections pg-boss opens in this process. */
  poolSize?: number;
  /** Whether this process runs pg-boss's maintenance (expiring jobs of dead workers): workers do, enqueuers need not. */
  supervise?: boolean;
}

/** The JobQueue on PostgreSQL through pg-boss: jobs, retries with backoff, expiry and the dead-letter queue. */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: SCHEMA,
    max: options.poolSize ?? 4,
    schedule: false,
    supervise: options.supervise ?? false,
    application_name: 'beian-queue',
  });
  // pg-boss reports a lost connection as an event; the next query reconnects, so it must not crash the worker.
  boss.on('error', () => undefined);
  try {
    await oneAtATime(options.databaseUrl, async () => {
      await boss.start();
      await boss.createQueue(DEAD_LETTERS);
      await boss.createQueue(QUEUE, { name: QUEUE, deadLetter: DEAD_LETTERS });
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('queue-open', `Could not open the job queue in the database: ${detail}`, { cause: error });
  }
  const pollMs = options.pollMs ?? 1_000;
  return {
    async enqueue(jobs, settings) {
      for (let start = 0; start < jobs.length; start += INSERT_CHUNK) {
        await boss.insert(jobs.slice(start, start + INSERT_CHUNK).map((job) => toInsert(job, settings)));
      }
    },
    work: (handler, work) => runWorkers(boss, handler, work, pollMs),
    counts: () => countJobs(boss),
    async close() {
      await boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 });
    },
  };
}

/**
 * Runs `open` holding a PostgreSQL advisory lock. Replicas started together each install pg-boss's schema and
 * create its queues (DDL and rows in one transaction); run at once on a fresh database, those transactions
 * deadlock and one process fails to start (seen in CI with an enqueuer and two workers started together).
 */
async function oneAtATime(databaseUrl: string, open: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'beian-queue-open' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [OPEN_LOCK_KEY]);
    await open();
  } finally {
    // Closing the session releases the lock even if the unlock was not reached.
    await client.end().catch(() => undefined);
  }
}

function toInsert(job: FooterJob, settings: EnqueueSettings): PgBoss.JobInsert<FooterJob> {
  return {
    name: QUEUE,
    data: job,
    // Earlier targets first, so `--wait` can print early; a new batch's first targets interleave with an old one's.
    priority: -job.index,
    retryLimit: settings.retries,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
    deadLetter: DEAD_LETTERS,
  };
}

/**
 * Takes as many jobs as there are free slots in one fetch (a fetch is the queue's dearest statement), runs each
 * as soon as it comes, and settles each on its own; stops taking jobs when the signal aborts and resolves once
 * the jobs taken are finished.
 */
async function runWorkers(
  boss: PgBoss,
  handler: (job: JobAttempt) => Promise<JobOutcome>,
  { concurrency, signal, onError = () => undefined }: WorkOptions,
  pollMs: number,
): Promise<void> {
  const running = new Set<Promise<void>>();
  const run = async (job: PgBoss.JobWithMetadata<FooterJob>) => {
    try {
      const attempt = { ...job.data, attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit };
      const outcome = await handler(attempt).catch(
        (error: unknown): JobOutcome => ({
          kind: 'retry',
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
      // A failure is retried with backoff by pg-boss; after the last retry it moves the job to the dead letters.
      if (outcome.kind === 'done') await boss.complete(QUEUE, job.id);
      else await boss.fail(QUEUE, job.id, { reason: outcome.reason });
    } catch (error) {
      // The database went away mid-job: the job stays active until it expires, then runs again; keep going.
      onError(error);
    }
  };
  while (!signal.aborted) {
    const free = concurrency - running.size;
    const jobs = free > 0 ? await boss.fetch<FooterJob>(QUEUE, { batchSize: free, includeMetadata: true }) : [];
    for (const job of jobs) {
      const started: Promise<void> = run(job).finally(() => running.delete(started));
      running.add(started);
    }
    // Every slot busy, or the queue had fewer jobs than free slots: look again when a slot frees or after a poll.
    if (running.size >= concurrency || jobs.length < free) await waitForSlot(running, pollMs, signal);
  }
  await Promise.all(running);
}

/** Resolves when one of `running` settles, after `ms`, or on abort, whichever is first; leaves no timer behind. */
async function waitForSlot(running: ReadonlySet<Promise<void>>, ms: number, signal: AbortSignal): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    await Promise.race([sleep(ms, controller.signal), ...running]);
  } finally {
    signal.removeEventListener('abort', stop);
    controller.abort();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

async function countJobs(boss: PgBoss): Promise<QueueCounts> {
  const { rows } = await boss
    .getDb()
    .executeSql(`select name, state, count(*)::int as n from ${SCHEMA}.job where name = any($1) group by name, state`, [
      [QUEUE, DEAD_LETTERS],
    ]);
  const of = (name: string, ...states: string[]) =>
    rows
      .filter((row: { name: string; state: string }) => row.name === name && states.includes(row.state))
      .reduce((sum: number, row: { n: number }) => sum + Number(row.n), 0);
  // Completed jobs are archived by pg-boss after a while, so "done" counts those still in the job table.
  return {
    queued: of(QUEUE, 'created', 'retry'),
    retrying: of(QUEUE, 'retry'),
    active: of(QUEUE, 'active'),
    done: of(QUEUE, 'completed'),
    dead: of(DEAD_LETTERS, 'created', 'retry', 'active', 'completed', 'failed'),
  };
}
