/**
 * Peak memory of `beian check --file` against the number of targets (`npm run bench check-memory`).
 *
 * A child process serves ~400 KB homepages (bench/footer.bench.ts's generated pages, their articles
 * repeated) on 127.0.0.1. The real CLI (`node bin/beian.js check --file LIST`) then checks 250 and 2,000
 * of them (`--json`, stdout to /dev/null, the summary line read from stderr), each run in a fresh process whose peak RSS (getrusage's maxRSS, written as it exits) is
 * reported. Memory must not grow with the list: the 2,000 / 250 ratio must stay near 1.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePage } from './footer.bench.js';
import { runMeasured, servePagesToParent } from './stats.js';

/** `CHECK_MEMORY_RUNS=20,100` for a quick look; the figures are 250 and 2,000. */
const [SMALL_RUN = 250, LARGE_RUN = 2_000] = (process.env.CHECK_MEMORY_RUNS ?? '')
  .split(',')
  .filter(Boolean)
  .map(Number);
/** Distinct pages served; targets cycle through them (every fetch still decodes its own copy). */
const DISTINCT_PAGES = 50;
const TARGET_BYTES = 400 * 1024;
/** A run that takes longer than this is stopped: the bench reports it rather than hanging. */
const RUN_LIMIT_MS = 20 * 60 * 1000;
const SELF = fileURLToPath(import.meta.url);
const BIN = fileURLToPath(new URL('../bin/beian.js', import.meta.url));

/** One ~400 KB page: a generated 100 KB homepage with its articles repeated, footer unchanged. */
function largePage(index: number): Buffer {
  const page = generatePage(index);
  const start = page.indexOf('<main>') + '<main>'.length;
  const end = page.indexOf('</main>');
  const articles = page.slice(start, end);
  const copies = Math.max(1, Math.round(TARGET_BYTES / Buffer.byteLength(page)));
  return Buffer.from(`${page.slice(0, start)}${articles.repeat(copies)}${page.slice(end)}`);
}

function serve(): void {
  servePagesToParent(Array.from({ length: DISTINCT_PAGES }, (_, i) => largePage(i)));
}

interface RunResult {
  targets: number;
  seconds: number;
  peakRssMb: number;
  exitCode: number | null;
  summary: string;
}

/** Runs the real CLI over `count` loopback targets and reads back its peak RSS. */
async function runCheck(port: number, count: number, dir: string): Promise<RunResult> {
  const list = join(dir, `targets-${count}.txt`);
  writeFileSync(list, Array.from({ length: count }, (_, i) => `http://127.0.0.1:${port}/site/${i}/\n`).join(''));
  const run = await runMeasured(
    BIN,
    ['check', '--json', '--allow-private-network', '--file', list],
    { ...process.env, NO_COLOR: '1' },
    RUN_LIMIT_MS,
  );
  const peakRssMb = Math.round(run.peakRssMb * 10) / 10;
  return { targets: count, seconds: run.seconds, peakRssMb, exitCode: run.code, summary: run.stderr };
}

function firstMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before answering`)));
  });
}

const row = (r: RunResult) =>
  `| ${r.targets} | ${r.seconds.toFixed(1)} | ${r.peakRssMb} | ${r.exitCode} | ${r.summary} |`;

async function main(): Promise<void> {
  const server = fork(SELF, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CHECK_MEMORY_ROLE: 'server' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'beian-check-memory-'));
  try {
    const { port, averageKb } = await firstMessage<{ port: number; averageKb: number }>(server);
    const small = await runCheck(port, SMALL_RUN, dir);
    const large = await runCheck(port, LARGE_RUN, dir);
    const lines = [
      `beian check --file over pages of ${averageKb.toFixed(0)} KB average on 127.0.0.1 (default concurrency); each run a fresh CLI process.`,
      '',
      '| targets | seconds | peak RSS MB | exit code | summary |',
      '|---|---|---|---|---|',
      row(small),
      row(large),
      '',
      `Goal: peak RSS flat in targets, ${LARGE_RUN} / ${SMALL_RUN} ≈ 1 → ${(large.peakRssMb / small.peakRssMb).toFixed(2)}.`,
    ];
    for (const r of [small, large])
      if (r.exitCode === null) lines.push(`The ${r.targets}-target run was stopped at its limit.`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.disconnect();
    server.kill();
  }
}

if (process.argv[1] === SELF) {
  if (process.env.CHECK_MEMORY_ROLE === 'server') serve();
  else await main();
}
