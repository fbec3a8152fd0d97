/** Helpers the benchmarks share. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The nearest-rank p-th percentile of `values` (need not be sorted); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Requests to a forked child and their answers, matched by id. The child says it is ready (with whatever it
 * started: URLs, ports) as message 0; `ask(null)` resolves with that.
 */
export function childRpc<Request extends object>(child: ChildProcess) {
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  child.on('message', (message: { id: number; result: unknown }) => {
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  const ready = new Promise<unknown>((resolve) => waiting.set(0, resolve));
  return (request: Request | null): Promise<unknown> => {
    if (request === null) return ready;
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      child.send({ ...request, id });
    });
  };
}

/**
 * In a forked child: serves `pages[N % pages.length]` at `/site/N/` on 127.0.0.1, tells the parent its port and
 * the pages' average size in KB, and exits when the parent goes.
 */
export function servePagesToParent(pages: readonly Buffer[]): void {
  const server = createServer((req, res) => {
    const match = /^\/site\/(\d+)\/$/.exec(req.url ?? '');
    const page = match ? pages[Number(match[1]) % pages.length] : undefined;
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length }).end(page);
  });
  server.listen(0, '127.0.0.1', () => {
    const averageKb = pages.reduce((sum, p) => sum + p.length, 0) / pages.length / 1024;
    process.send?.({ port: (server.address() as AddressInfo).port, averageKb });
  });
  process.on('disconnect', () => process.exit(0));
}

// Preloaded into a child: writes its peak resident set (kB) to the file named by BENCH_PEAK_RSS_FILE as it exits.
const RECORD_PEAK_RSS = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.BENCH_PEAK_RSS_FILE,String(process.resourceUsage().maxRSS)));",
)}`;

/** What a child process run by {@link runMeasured} took. */
export interface MeasuredRun {
  seconds: number;
  /** Peak resident set size in MB, as the kernel counted it for the child. */
  peakRssMb: number;
  code: number | null;
  stderr: string;
}

/** Runs `node SCRIPT ARGS…` to its end (killed after `limitMs`), timing it and reading its peak memory. */
export async function runMeasured(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  limitMs: number,
): Promise<MeasuredRun> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-bench-rss-'));
  const rssFile = join(dir, 'rss.txt');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RECORD_PEAK_RSS, script, ...args], {
      env: { ...env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const limit = setTimeout(() => child.kill('SIGKILL'), limitMs);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(limit);
    const seconds = (performance.now() - started) / 1000;
    const peakKb = Number(readFileSync(rssFile, 'utf8'));
    return { seconds, peakRssMb: peakKb / 1024, code, stderr: stderr.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
