/**
 * Queue throughput (`npm run bench queue`): N footer checks (10,000; `BENCH_QUICK=1` for 400, or
 * `QUEUE_BENCH_N=…`) against loopback page servers, with 1, 2 and 4 `beian worker` processes sharing PostgreSQL
 * ($BEIAN_TEST_DATABASE_URL, a fresh database per run), beside the in-process `beian check --file --json` on the
 * same targets in the same run. A child process serves the page on 32 ports (32 hosts: each worker checks one
 * host at a time, so the hosts must outnumber the checks under way). Throughput is timed from the first result
 * line to the last, as `--wait` (or `--file --json`) prints them, so process start-up is left out; per-worker
 * efficiency is throughput(W) / (W × throughput(1)). Each process checks 8 at a time (the default).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/beian.js');
const N = Number(process.env.QUEUE_BENCH_N ?? (process.env.BENCH_QUICK ? 400 : 10_000));
const HOSTS = 32;
const WORKER_COUNTS = [1, 2, 4];

if (process.argv[2] === '--serve') serve();
else await runBench();

/** The page server child: the same compliant homepage on HOSTS ports; prints the ports as one JSON line. */
function serve(): void {
  const page = readFileSync(join(ROOT, 'test/fixtures/pages/compliant.html'));
  const ports: number[] = [];
  for (let i = 0; i < HOSTS; i += 1) {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length }).end(page);
    });
    server.listen(0, '127.0.0.1', () => {
      ports.push((server.address() as AddressInfo).port);
      if (ports.length === HOSTS) process.stdout.write(`${JSON.stringify(ports)}\n`);
    });
  }
  process.stdin.on('end', () => process.exit(0)).resume();
}

interface Timed {
  lines: number;
  seconds: number;
  code: number | null;
  stderr: string;
}

/** Runs `beian ARGS`, timing from its first stdout line to its last. */
function timeLines(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = 0;
    let last = 0;
    let lines = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const now = performance.now();
      const count = chunk.split('\n').length - 1;
      if (count === 0) return;
      if (lines === 0) first = now;
      lines += count;
      last = now;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ lines, seconds: (last - first) / 1000, code, stderr }));
  });
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.BEIAN_TEST_DATABASE_URL;
  if (!server) throw new Error('Set BEIAN_TEST_DATABASE_URL (a PostgreSQL server the bench may create databases on).');
  const name = `beian_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('BEIAN_') && !name.startsWith('SLACK_') && name !== 'DATABASE_URL') env[name] = value;
  }
  // Loopback pages are private addresses; the per-host rate limit is off so the figure is the queue's own cost.
  return {
    ...env,
    BEIAN_PRIVATE_NETWORK_ALLOW: '127.0.0.1',
    BEIAN_HOST_INTERVAL_SECONDS: '0',
    BEIAN_DATA_DIR: dataDir,
  };
}

async function queueRun(file: string, workers: number, env: NodeJS.ProcessEnv): Promise<Timed> {
  return withDatabase(async (url) => {
    const withDb = { ...env, DATABASE_URL: url };
    // Installs pg-boss's schema and our tables before the clock matters, as a deployment's first run would.
    spawnSync(process.execPath, [BIN, 'queue', 'status'], { cwd: ROOT, env: withDb, stdio: 'ignore' });
    const waiting = timeLines(['check', '--queue', file, '--wait'], withDb);
    const children = Array.from({ length: workers }, () =>
      spawn(process.execPath, [BIN, 'worker'], { cwd: ROOT, env: withDb, stdio: 'ignore' }),
    );
    const result = await waiting;
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            child.once('close', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    return result;
  });
}

async function runBench(): Promise<void> {
  const started = performance.now();
  // bin/beian.js runs dist/ when it is fresh: build it, so the figures are the compiled CLI's, as deployed.
  spawnSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'ignore' });
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ports = await new Promise<number[]>((resolve) => {
    server.stdout.setEncoding('utf8').once('data', (chunk: string) => resolve(JSON.parse(chunk)));
  });
  const dir = await mkdtemp(join(tmpdir(), 'beian-queue-bench-'));
  const file = join(dir, 'targets.txt');
  const targets = Array.from({ length: N }, (_, i) => `http://127.0.0.1:${ports[i % ports.length]}/site/${i}/`);
  writeFileSync(file, `${targets.join('\n')}\n`);
  const env = baseEnv(dir);

  const rows: { name: string; workers: number; run: Timed }[] = [];
  const inProcess = await timeLines(['check', '--file', file, '--json'], env);
  rows.push({ name: 'in-process `beian check --file` (baseline)', workers: 0, run: inProcess });
  for (const workers of WORKER_COUNTS) {
    rows.push({ name: `queue, ${workers} worker process(es)`, workers, run: await queueRun(file, workers, env) });
  }

  const rate = (run: Timed) => (run.lines - 1) / run.seconds;
  const one = rows.find((r) => r.workers === 1)?.run;
  console.log(
    `### Queue throughput: ${N.toLocaleString('en')} footer checks on ${HOSTS} loopback hosts (${cpus().length} cores)\n`,
  );
  console.log('| run | checks | seconds | checks/s | vs in-process | per-worker efficiency |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, workers, run } of rows) {
    const ok = run.lines === N ? '' : ` (only ${run.lines} lines; exit ${run.code}: ${run.stderr.slice(-200)})`;
    const efficiency = workers > 0 && one ? `${((rate(run) / (workers * rate(one))) * 100).toFixed(0)}%` : '—';
    console.log(
      `| ${name} | ${run.lines}${ok} | ${run.seconds.toFixed(1)} | ${rate(run).toFixed(0)} | ${(rate(run) / rate(inProcess)).toFixed(2)}× | ${efficiency} |`,
    );
  }
  server.stdin.end();
  await rm(dir, { recursive: true, force: true });
  console.log(
    `\nRan in ${((performance.now() - started) / 1000).toFixed(0)} s (load average ${loadavg()[0]?.toFixed(1)}).`,
  );
}
