import type { CheckOptions } from '../core/footer/types.js';

/** One footer check to run: the target at `index` of the list enqueued as `batch`. */
export interface FooterJob {
  batch: string;
  index: number;
  target: string;
  options: CheckOptions;
}

/** A job as a worker gets it: which attempt this is, and whether a failure now sends it to the dead-letter list. */
export interface JobAttempt extends FooterJob {
  /** 1 on the first run. */
  attempt: number;
  lastAttempt: boolean;
}

/** What the handler made of a job: done (whatever the verdict), or a network failure worth another attempt. */
export type JobOutcome = { kind: 'done' } | { kind: 'retry'; reason: string };

/** How many jobs are in each state, across every batch. */
export interface QueueCounts {
  /** Waiting for a worker, first attempts and retries alike. */
  queued: number;
  /** Of those, waiting for a retry after a network failure. */
  retrying: number;
  active: number;
  done: number;
  /** On the dead-letter list: the network kept failing through every retry. */
  dead: number;
}

/** How a worker takes jobs. */
export interface WorkOptions {
  /** Jobs run at once in this process. */
  concurrency: number;
  /** Aborting stops taking jobs; `work` resolves once the jobs already taken have finished. */
  signal: AbortSignal;
}

/** How the jobs of one enqueue are retried and expired. */
export interface EnqueueSettings {
  /** Retries after a network failure before the job goes to the dead-letter list. */
  retries: number;
  /** Seconds before the first retry; each later one waits about twice as long (backoff, with jitter). */
  retryDelaySeconds: number;
  /** A job active this long is taken to belong to a dead worker and is run again. */
  expireInSeconds: number;
}

/** A durable queue of footer checks that any number of worker processes, on any machines, share. */
export interface JobQueue {
  /** Adds the jobs; a worker may start on them before this resolves. */
  enqueue(jobs: readonly FooterJob[], settings: EnqueueSettings): Promise<void>;
  /** Runs `handler` on jobs until `options.signal` aborts; a thrown error counts as a network failure. */
  work(handler: (job: JobAttempt) => Promise<JobOutcome>, options: WorkOptions): Promise<void>;
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
