import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import type { QueueStore } from '../store/ports.js';
import type { CheckFlags } from './check.js';
import { type CheckPlan, createProgress, exitStatus, planCheck, toJsonLine } from './check-action.js';
import { GRACE_MS } from './check-target.js';
import { formatSummary, noVerdicts, type VerdictCounts } from './format-footer-report.js';
import { stringifyForTerminal } from './terminal-text.js';

/** The usage error of every queue command run without DATABASE_URL. */
export function needsDatabase(what: string): UsageError {
  return new UsageError(
    `${what} needs DATABASE_URL: the job queue lives in a PostgreSQL database that every worker shares. ` +
      'Without one, bulk checks run in this process: beian check --file FILE',
  );
}

// How often `--wait` looks for new results when the last look found none.
const WAIT_POLL_MS = 200;
const READ_AT_ONCE = 500;
// Past the check's own time limit, how long pg-boss waits before it takes a job's worker for dead.
const EXPIRY_MARGIN_SECONDS = 120;

/** `beian check --queue FILE [--wait]`: enqueues the targets; with --wait, prints their results in input order. */
export async function runQueuedCheck(args: string[], flags: CheckFlags): Promise<number> {
  if (flags.queue === undefined) throw new UsageError('--wait goes with --queue FILE');
  if (flags.file !== undefined)
    throw new UsageError('give the targets with --queue FILE or with --file FILE, not both');
  const config = loadConfig(process.env);
  if (!config.databaseUrl) throw needsDatabase('--queue');
  const plan = await planCheck(args, { ...flags, file: flags.queue });
  const { createPgBossQueue } = await import('../store/pg-boss-queue.js');
  const queue = await createPgBossQueue({ databaseUrl: config.databaseUrl });
  const settings = {
    retries: config.queue.retries,
    retryDelaySeconds: config.queue.retryDelaySeconds,
    expireInSeconds: Math.ceil(((plan.options.timeoutMs ?? 0) + GRACE_MS) / 1000) + EXPIRY_MARGIN_SECONDS,
  };
  const batch = randomUUID();
  try {
    const jobs = plan.targets.map((target, index) => ({ batch, index, target, options: plan.options }));
    await queue.enqueue(jobs, settings);
  } finally {
    await queue.close();
  }
  const queued = `Queued ${plan.targets.length} target(s) as batch ${batch}`;
  if (flags.wait !== true) {
    process.stdout.write(`${queued}. Run \`beian worker\` to check them; \`beian queue status\` shows progress.\n`);
    return 0;
  }
  process.stderr.write(`${queued}; waiting for \`beian worker\` to check them.\n`);
  const { openCommandStore } = await import('./db.js');
  const store = await openCommandStore({});
  try {
    const counts = await streamResults(store.queue, batch, plan);
    process.stderr.write(`${formatSummary(counts)}\n`);
    return exitStatus(counts);
  } finally {
    await store.close();
  }
}

/** Prints each result of `batch` as a JSON line once every earlier one is out, until all are; counts verdicts. */
async function streamResults(store: QueueStore, batch: string, plan: CheckPlan): Promise<VerdictCounts> {
  const total = plan.targets.length;
  const counts = noVerdicts();
  const progress = createProgress(total);
  let next = 0;
  while (next < total) {
    const results = await store.results(batch, next, READ_AT_ONCE);
    // Only the run of results without a gap: a later one waits for those before it, so the order holds.
    const ready = results.filter((result, i) => result.index === next + i);
    progress.clear();
    for (const { report } of ready) {
      process.stdout.write(`${stringifyForTerminal(toJsonLine(report))}\n`);
      counts[report.verdict] += 1;
      progress.tick();
    }
    next += ready.length;
    progress.draw();
    if (ready.length === 0) await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  progress.clear();
  return counts;
}
