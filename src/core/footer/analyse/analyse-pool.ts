import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BeianError } from '../../errors.js';
import type { AnalyseInput, AnalyseOptions, PageAnalyser, PageExamination } from '../analyse-page.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';

/** Analysis ran out of time or failed in its worker; the check reports it as an `inconclusive` page. */
export class AnalysisError extends BeianError {}

/** Options of `createAnalysePool`. */
export interface AnalysePoolOptions {
  /** Workers kept at most; by default `min(2, cores)`: analysis is CPU work, more only contend. */
  size?: number;
  /**
   * Heap limit of one worker in MB. A 5 MB page (the fetch cap) reads in well under 200 MB; a page
   * that needs more fails on its own instead of taking the bot's memory.
   */
  maxHeapMb?: number;
}

/** Page analysis in worker threads, so a slow page cannot block the event loop, and the deadline holds. */
export interface AnalysePool {
  /** Judges one page in a worker; rejects with `AnalysisError` once `deadline` (epoch ms) passes. */
  analyse: PageAnalyser;
  /** Stops every worker; analyses still waiting are rejected. */
  close(): Promise<void>;
}

const DEFAULT_HEAP_MB = 512;
const CLOSED = 'the page analysis has been shut down';
const TOO_SLOW = 'the page took too long to analyse, so its footer could not be judged within the time limit';

interface Job {
  request: AnalysisRequest;
  resolve: (examination: PageExamination) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  gone: boolean;
}

// Compiled to .js, the worker is plain JS. Under tsx (dev, tests) it is .ts, and a worker does not
// inherit tsx's loader (nor take `--import` in its execArgv on Node 20): a bootstrap registers it first.
function startWorker(heapMb: number): Worker {
  // The parent's node flags (`--input-type`, `--import` …) are not the worker's: it starts with none.
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analyse-worker.js', import.meta.url), options);
  const worker = new URL('./analyse-worker.ts', import.meta.url).href;
  // tsx/esm/api's ESM entry (its `import` export), found from the package file the exports map lists.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Starts an analysis pool; workers start on first use, are reused, and do not keep the process alive when idle. */
export function createAnalysePool(options: AnalysePoolOptions = {}): AnalysePool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
  const heapMb = options.maxHeapMb ?? DEFAULT_HEAP_MB;
  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function spawn(): Slot {
    const worker = startWorker(heapMb);
    const slot: Slot = { worker, job: null, gone: false };
    worker.on('message', (response: AnalysisResponse) => settle(slot, response));
    worker.on('error', (error) => fail(slot, new AnalysisError('analysis-failed', analysisFailure(error))));
    worker.on('exit', () => fail(slot, new AnalysisError('analysis-failed', 'the page analysis stopped unexpectedly')));
    worker.unref();
    slots.add(slot);
    return slot;
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const slot = idle.pop() ?? (slots.size < size ? spawn() : undefined);
      const job = slot === undefined ? undefined : queue.shift();
      if (slot === undefined || job === undefined) return;
      slot.job = job;
      job.slot = slot;
      // Busy, the worker keeps the process alive: a CLI is waiting for its answer.
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  function settle(slot: Slot, response: AnalysisResponse): void {
    const job = slot.job;
    if (job === null) return;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker.unref();
    idle.push(slot);
    if (response.ok) job.resolve(response.examination);
    else job.reject(new AnalysisError('analysis-failed', `the page could not be analysed: ${response.message}`));
    pump();
  }

  // A worker that errored, exited or overran is not reused: a fresh one replaces it on demand.
  function discard(slot: Slot): Job | null {
    if (slot.gone) return null;
    slot.gone = true;
    slots.delete(slot);
    const waiting = idle.indexOf(slot);
    if (waiting >= 0) idle.splice(waiting, 1);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = null;
    if (job !== null) clearTimeout(job.timer);
    return job;
  }

  function fail(slot: Slot, error: AnalysisError): void {
    discard(slot)?.reject(error);
    pump();
  }

  function expire(job: Job): void {
    const waiting = queue.indexOf(job);
    if (waiting >= 0) queue.splice(waiting, 1);
    if (job.slot !== null) {
      discard(job.slot);
      // Replaced at once, so the next check does not wait for a worker to start.
      if (!closed && queue.length === 0) idle.push(spawn());
    }
    job.reject(new AnalysisError('analysis-timeout', TOO_SLOW));
    pump();
  }

  function analyse(input: AnalyseInput, analyseOptions: AnalyseOptions, deadline: number): Promise<PageExamination> {
    if (closed) return Promise.reject(new AnalysisError('analysis-closed', CLOSED));
    return new Promise((resolve, reject) => {
      const job: Job = {
        request: { input, options: analyseOptions },
        resolve,
        reject,
        slot: null,
        timer: setTimeout(() => expire(job), Math.max(0, deadline - Date.now())),
      };
      queue.push(job);
      pump();
    });
  }

  async function close(): Promise<void> {
    closed = true;
    for (const job of queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(new AnalysisError('analysis-closed', CLOSED));
    }
    const workers = [...slots].map((slot) => slot.worker);
    for (const slot of [...slots]) discard(slot)?.reject(new AnalysisError('analysis-closed', CLOSED));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  return { analyse, close };
}

function analysisFailure(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the page needs more memory to analyse than a check may use';
  return `the page could not be analysed: ${error.message}`;
}
