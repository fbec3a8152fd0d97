/**
 * Start-up time of the CLI (`npm run bench startup`): `beian --help` and a one-question `beian ask`, compiled
 * (dist/, as `npm ci` leaves it) and through tsx (how bin/beian.js ran before the build, and still runs when src/
 * is newer than dist/), against bare `node -e 0` in the same run.
 *
 * Each series is spawned STARTUP_RUNS times (10), the series taking turns so load on the machine falls on all of
 * them alike; the figure is the median wall time, and the median CPU time (user + system, written by the child as
 * it exits), which a loaded machine disturbs less. Then the price of the freshness check bin/beian.js makes
 * before every start, and what a build costs (emit-only as `npm run build` does, against a type-checked build).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from '../bin/build-freshness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.STARTUP_RUNS ?? 10);
/** A start that takes longer than this is stopped and reported, not waited for. */
const RUN_LIMIT_MS = 60_000;
const QUESTION = '备案号会过期吗';
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// Loaded into each child: writes its CPU time (µs) where the bench reads it back.
const RECORD_CPU = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(process.env.STARTUP_CPU_FILE,String(u.userCPUTime+u.systemCPUTime));});",
)}`;

interface Series {
  name: string;
  args: string[];
}

const SERIES: Series[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'beian --help (compiled)', args: ['bin/beian.js', '--help'] },
  { name: `beian ask ${QUESTION} (compiled)`, args: ['bin/beian.js', 'ask', QUESTION] },
  { name: 'node dist/cli/index.js --help (no freshness check)', args: ['dist/cli/index.js', '--help'] },
  { name: 'beian --help (tsx, before)', args: ['--import', 'tsx', 'src/cli/index.ts', '--help'] },
  { name: `beian ask ${QUESTION} (tsx, before)`, args: ['--import', 'tsx', 'src/cli/index.ts', 'ask', QUESTION] },
];

interface Run {
  wallMs: number;
  cpuMs: number;
}

/** Spawns `node ARGS` from the repository root and times it; fails on a non-zero exit or the time limit. */
async function spawnNode(args: readonly string[], cpuFile: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RECORD_CPU, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', STARTUP_CPU_FILE: cpuFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(limit);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measureStarts(dir: string): Promise<string[]> {
  const runs = new Map<Series, Run[]>(SERIES.map((s) => [s, []]));
  for (const series of SERIES) await spawnNode(series.args, join(dir, 'cpu')); // warm the file cache and tsx's
  for (let round = 0; round < RUNS; round += 1) {
    for (const series of SERIES) runs.get(series)?.push(await spawnNode(series.args, join(dir, 'cpu')));
  }
  const base = runs.get(SERIES[0] as Series) ?? [];
  const baseWall = median(base.map((r) => r.wallMs));
  const baseCpu = median(base.map((r) => r.cpuMs));
  const lines = [
    `Median of ${RUNS} starts each, series interleaved; ratios against \`node -e 0\` in the same run.`,
    '',
    '| command | wall ms | × node -e 0 | CPU ms | × node -e 0 |',
    '|---|---|---|---|---|',
  ];
  for (const [series, list] of runs) {
    const wall = median(list.map((r) => r.wallMs));
    const cpu = median(list.map((r) => r.cpuMs));
    lines.push(
      `| ${series.name} | ${wall.toFixed(0)} | ${(wall / baseWall).toFixed(2)} | ${cpu.toFixed(0)} | ${(cpu / baseCpu).toFixed(2)} |`,
    );
  }
  return lines;
}

function measureFreshnessCheck(): string {
  const rounds = 200;
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    isBuildFresh(ROOT);
    times.push(performance.now() - started);
  }
  return `Freshness check (isBuildFresh over src/, in-process): median ${(median(times) * 1000).toFixed(0)} µs of ${rounds}.`;
}

/** One tsc run into a scratch folder, so dist/ is left as it is. */
async function measureBuild(dir: string, name: string, extra: readonly string[]): Promise<string> {
  const out = join(dir, name);
  const args = [TSC, '-p', 'tsconfig.build.json', '--outDir', out, '--tsBuildInfoFile', join(out, '.tsbuildinfo')];
  const first = await spawnNode([...args, ...extra], join(dir, 'cpu'));
  const again = await spawnNode([...args, ...extra], join(dir, 'cpu'));
  const s = (ms: number) => (ms / 1000).toFixed(1);
  return `| ${name} | ${s(first.wallMs)} | ${s(first.cpuMs)} | ${s(again.wallMs)} | ${s(again.cpuMs)} |`;
}

/** `npm run build` when dist/ is fresh: the stamp check alone, no tsc. */
async function measureUpToDate(dir: string): Promise<string> {
  const runs: Run[] = [];
  for (let i = 0; i < 5; i += 1) runs.push(await spawnNode(['scripts/build.js'], join(dir, 'cpu')));
  const wall = median(runs.map((r) => r.wallMs));
  const cpu = median(runs.map((r) => r.cpuMs));
  return `\`node scripts/build.js\` with dist/ fresh (no tsc): median wall ${wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms of 5.`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'beian-startup-'));
  try {
    // The compiled series need dist/ as `npm ci` leaves it; the build is a no-op when it is fresh already.
    await spawnNode(['scripts/build.js'], join(dir, 'cpu'));
    if (!isBuildFresh(ROOT)) throw new Error('dist/ is still older than src/ after `npm run build`');
    // Printed before the builds are timed: on a loaded machine a type-checked build can pass its time limit.
    process.stdout.write(`${[...(await measureStarts(dir)), '', measureFreshnessCheck()].join('\n')}\n\n`);
    const lines = [
      'Build of src/ (one run each; "again" is tsc with its incremental state and nothing changed):',
      '',
      '| build | wall s | CPU s | again wall s | again CPU s |',
      '|---|---|---|---|---|',
      await measureBuild(dir, 'emit only (npm run build)', []),
      await measureBuild(dir, 'type-checked', ['--noCheck', 'false', '--noResolve', 'false', '--types', 'node']),
      '',
      await measureUpToDate(dir),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
