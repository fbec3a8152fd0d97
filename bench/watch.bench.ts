/**
 * Footer monitoring at scale (`npx tsx bench/run.ts watch`): N watched sites (10,000; `WATCH_BENCH_SITES=1000` for
 * a quick look) on the scheduler, against plain `beian check --file` over the same targets in the same run.
 * `WATCH_BENCH_FULL_SITES=2000` limits the rounds of real checks (and their baseline) to the first 2,000 sites.
 *
 * A child process serves bench/footer.bench.ts's generated ~100 KB homepages on HOSTS loopback ports (the
 * scheduler is polite per host, so the sites must not all be one host). Measured here:
 * - import: N watches put in one transaction (what `watch import` does);
 * - bookkeeping: a full round with an instant stub check, so only leases, history rows and decisions count;
 * - full round: the real footer check of every site (analysis pool, default concurrency), peak RSS sampled every 50 ms;
 * - baseline: `node bin/beian.js check --json --file LIST` over the same N targets, a fresh CLI process (its peak RSS
 *   read from getrusage as it exits);
 * - storage: database bytes per history row from the round's real rows (SQLite file after a WAL checkpoint;
 *   PostgreSQL's pg_total_relation_size when $BEIAN_TEST_DATABASE_URL is set), extrapolated to a month of daily checks.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createWatchRuntime } from '../src/cli/watch-runtime.js';
import { loadConfig } from '../src/config.js';
import type { FooterReport } from '../src/core/footer/types.js';
import { createScheduler, realSleep } from '../src/core/watch/scheduler.js';
import type { AlertEvent, Watch } from '../src/core/watch/types.js';
import { createStore, DATABASE_FILE } from '../src/store/create-store.js';
import type { Store } from '../src/store/ports.js';
import { loadWatchConfig } from '../src/watch-config.js';
import { createTestPlace, type TestPlace } from '../test/store/helpers/databases.js';
import { generatePage } from './footer.bench.js';
import { runMeasured } from './stats.js';

const SITES = Number(process.env.WATCH_BENCH_SITES ?? 10_000);
/** Sites in the full round and its baseline (real checks of ~100 KB pages: about 10 a second on 2 cores). */
const FULL_SITES = Math.min(SITES, Number(process.env.WATCH_BENCH_FULL_SITES ?? SITES));
const HOSTS = 50;
const DISTINCT_PAGES = 50;
const DAY = 86_400_000;
/** A run that takes longer than this is stopped: the bench reports it rather than hanging. */
const RUN_LIMIT_MS = 30 * 60 * 1000;
const SELF = fileURLToPath(import.meta.url);
const BIN = fileURLToPath(new URL('../bin/beian.js', import.meta.url));

function serve(): void {
  const pages = Array.from({ length: DISTINCT_PAGES }, (_, i) => Buffer.from(generatePage(i)));
  const ports: number[] = [];
  for (let h = 0; h < HOSTS; h += 1) {
    const server = createServer((req, res) => {
      const match = /^\/site\/(\d+)\/$/.exec(req.url ?? '');
      const page = match ? pages[Number(match[1]) % pages.length] : undefined;
      if (!page) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length }).end(page);
    });
    server.listen(0, '127.0.0.1', () => {
      ports.push((server.address() as AddressInfo).port);
      if (ports.length === HOSTS) process.send?.({ ports });
    });
  }
  process.on('disconnect', () => process.exit(0));
}

function firstMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before answering`)));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

const countingSink = () => {
  const kinds: Record<string, number> = {};
  const alert = async (e: AlertEvent) => {
    kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  };
  return { kinds, sink: { alert } };
};

function stubReport(watch: Watch): FooterReport {
  return {
    target: watch.target,
    url: watch.target,
    finalUrl: watch.target,
    verdict: 'pass',
    icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' },
    publicSecurity: null,
    findings: [],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  };
}

async function databaseBytes(store: Store, place: TestPlace): Promise<number> {
  if (store.engine === 'sqlite') {
    const file = join(place.dataDir, DATABASE_FILE);
    // Everything into the main file first: the WAL would otherwise hold the newest rows.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return statSync(file).size;
  }
  const { Kysely, PostgresDialect } = await import('kysely');
  const pg = (await import('pg')).default;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: place.databaseUrl }) }),
  });
  try {
    await sql`vacuum analyze watch_runs`.execute(db);
    const { rows } = await sql<{ bytes: string }>`select pg_total_relation_size('watch_runs') as bytes`.execute(db);
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await db.destroy();
  }
}

async function baselineCheck(targets: string[], dir: string) {
  const list = join(dir, 'targets.txt');
  writeFileSync(list, targets.map((t) => `${t}\n`).join(''));
  const run = await runMeasured(
    BIN,
    ['check', '--json', '--file', list],
    { ...process.env, NO_COLOR: '1', BEIAN_ALLOW_PRIVATE_NETWORK: '1' },
    RUN_LIMIT_MS,
  );
  return { seconds: run.seconds, peakRssMb: run.peakRssMb, code: run.code, summary: run.stderr };
}

interface EngineFigures {
  engine: string;
  importSeconds: number;
  bookkeepingSeconds: number;
  bookkeepingPeakRssMb: number;
  roundSeconds?: number;
  roundPeakRssMb?: number;
  verdicts?: string;
  /** From the real round's rows (findings and all); the stub's when there was no real round. */
  bytesPerRow: number;
  stubBytesPerRow?: number;
}

async function measureFullRound(engine: 'sqlite' | 'postgres', targets: string[]): Promise<Partial<EngineFigures>> {
  const place = await createTestPlace(engine);
  const store = await createStore(place);
  try {
    const now = Date.now();
    await store.watches.put(targets.map((target) => ({ target, everyMs: DAY, nextRunAt: now })));
    const before = await databaseBytes(store, place);
    const config = loadConfig({ BEIAN_ALLOW_PRIVATE_NETWORK: '1' });
    const runtime = createWatchRuntime(config, loadWatchConfig({}), store.watches, countingSink().sink);
    const rss = sampleRss();
    try {
      const round = await timed(() => runtime.scheduler.round({ all: true }));
      const { checked, rechecks, alerts } = round.result;
      return {
        roundSeconds: round.seconds,
        roundPeakRssMb: rss.stop(),
        verdicts: `${checked} checked, ${rechecks} held for a re-check, ${alerts} alerts`,
        bytesPerRow: ((await databaseBytes(store, place)) - before) / targets.length,
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
    await place.dispose();
  }
}

async function measureEngine(
  engine: 'sqlite' | 'postgres',
  targets: string[],
  fullRound: boolean,
): Promise<EngineFigures> {
  const place = await createTestPlace(engine);
  const store = await createStore(place);
  try {
    const now = Date.now();
    const imported = await timed(() =>
      store.watches.put(targets.map((target) => ({ target, everyMs: DAY, nextRunAt: now }))),
    );
    const stub = createScheduler(
      {
        store: store.watches,
        check: async (w) => stubReport(w),
        sink: countingSink().sink,
        now: Date.now,
        sleep: realSleep,
      },
      { holder: 'bench-stub' },
    );
    const rss = sampleRss();
    const bookkeeping = await timed(() => stub.round({ all: true }));
    const bookkeepingPeakRssMb = rss.stop();
    if (bookkeeping.result.checked !== targets.length)
      throw new Error(`stub round checked ${bookkeeping.result.checked}`);
    const figures: EngineFigures = {
      engine,
      importSeconds: imported.seconds,
      bookkeepingSeconds: bookkeeping.seconds,
      bookkeepingPeakRssMb,
      bytesPerRow: 0,
    };
    const before = await databaseBytes(store, place);
    // The stub's rows have no findings: a second stub round measures the bookkeeping rows' size.
    await stub.round({ all: true });
    figures.stubBytesPerRow = ((await databaseBytes(store, place)) - before) / targets.length;
    figures.bytesPerRow = figures.stubBytesPerRow;
    if (fullRound) Object.assign(figures, await measureFullRound(engine, targets.slice(0, FULL_SITES)));
    return figures;
  } finally {
    await store.close();
    await place.dispose();
  }
}

async function main(): Promise<void> {
  const server = fork(SELF, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, WATCH_BENCH_ROLE: 'server' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'beian-watch-bench-'));
  try {
    const { ports } = await firstMessage<{ ports: number[] }>(server);
    const targets = Array.from({ length: SITES }, (_, i) => `http://127.0.0.1:${ports[i % HOSTS]}/site/${i}/`);
    const baseline = await baselineCheck(targets.slice(0, FULL_SITES), dir);
    const engines = [await measureEngine('sqlite', targets, true)];
    // PostgreSQL's full round measures the same checks again; only its bookkeeping and row size differ.
    if (process.env.BEIAN_TEST_DATABASE_URL) {
      engines.push(await measureEngine('postgres', targets, process.env.WATCH_BENCH_PG_FULL === '1'));
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(3);
    const lines = [
      `${SITES} watched sites on ${HOSTS} loopback hosts; full round and baseline over ${FULL_SITES} of them (~100 KB generated homepages), default concurrency (8).`,
      '',
      `Baseline: \`beian check --json --file\` over the same ${FULL_SITES} targets: ${baseline.seconds.toFixed(1)} s (${(FULL_SITES / baseline.seconds).toFixed(1)} sites/s), peak RSS ${baseline.peakRssMb.toFixed(0)} MB (exit ${baseline.code}; ${baseline.summary.split('\n').at(-1)})`,
      '',
      `| engine | import ${SITES} s | bookkeeping round of ${SITES} s (stub check) | its peak RSS MB | full round of ${FULL_SITES} s | vs check --file | its peak RSS MB | bytes / history row | MB / site / month (daily) | MB / month, ${SITES} sites |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const f of engines) {
      const month = f.bytesPerRow * 30;
      const round = f.roundSeconds;
      lines.push(
        `| ${f.engine} | ${f.importSeconds.toFixed(2)} | ${f.bookkeepingSeconds.toFixed(1)} | ${f.bookkeepingPeakRssMb.toFixed(0)} | ${round?.toFixed(1) ?? '-'} | ${round === undefined ? '-' : `${(round / baseline.seconds).toFixed(2)}×`} | ${f.roundPeakRssMb?.toFixed(0) ?? '-'} | ${f.bytesPerRow.toFixed(0)}${f.roundSeconds === undefined ? ' (stub rows)' : ''} | ${mb(month)} | ${mb(month * SITES)} |`,
      );
    }
    for (const f of engines) {
      lines.push(
        '',
        `${f.engine}: stub rows ${f.stubBytesPerRow?.toFixed(0)} bytes each${f.verdicts ? `; full round: ${f.verdicts}` : ''}.`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    server.disconnect();
    server.kill();
  }
}

if (process.argv[1] === SELF) {
  if (process.env.WATCH_BENCH_ROLE === 'server') serve();
  else await main();
}
