/**
 * The store on both engines, against the JSON Lines append it replaced, measured in the same run.
 *
 * - Feedback writes per second: N appends one after another (each awaited, as a listener does), and the
 *   same N from 8 concurrent writers (a burst of clicks). Baselines: appendFile of one JSON line (the old
 *   store, not synced) and appendFile + fsync (the old store made as durable as the new one).
 * - Event-claim latency p50/p99: N claims of fresh keys, one after another (what each Slack event waits for).
 * SQLite is a file in a temporary folder (WAL, synchronous=FULL); PostgreSQL is the loopback test cluster
 * ($BEIAN_TEST_DATABASE_URL, else started by .ci/postgres.sh), a fresh database dropped afterwards.
 */
import { appendFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/ports.js';
import type { StoreRecord } from '../src/store/records.js';
import { createTestPlace, type TestPlace } from '../test/store/helpers/databases.js';
import { percentile } from './stats.js';

const WRITES = 2_000;
const CLAIMS = 2_000;
const WRITERS = 8;

const record = (n: number): StoreRecord => ({
  kind: 'feedback',
  at: new Date().toISOString(),
  user: 'UBENCH',
  channel: 'C0BENCH01',
  entryId: `entry-${n % 50}`,
  value: 'helpful',
});

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function sequential(count: number, write: (n: number) => Promise<void>): Promise<number> {
  return (
    count /
    (await timed(async () => {
      for (let n = 0; n < count; n += 1) await write(n);
    }))
  );
}

async function concurrent(count: number, write: (n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const n = next;
      next += 1;
      await write(n);
    }
  };
  return count / (await timed(() => Promise.all(Array.from({ length: WRITERS }, writer)).then(() => undefined)));
}

async function claimLatencies(store: Store): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let n = 0; n < CLAIMS; n += 1) {
    const started = performance.now();
    await store.eventClaims.claim(`EvBench${n}`, 3_600_000);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

const rows: { what: string; perSecond: number }[] = [];
const claims: { what: string; p50: number; p99: number }[] = [];

const dir = await mkdtemp(join(tmpdir(), 'beian-bench-jsonl-'));
const file = join(dir, 'feedback.jsonl');
const line = (n: number) => `${JSON.stringify(record(n))}\n`;
rows.push({
  what: 'JSONL appendFile (old store), sequential',
  perSecond: await sequential(WRITES, (n) => appendFile(file, line(n))),
});
const handle = await open(join(dir, 'synced.jsonl'), 'a');
rows.push({
  what: 'JSONL append + fsync, sequential',
  perSecond: await sequential(WRITES, async (n) => {
    await handle.write(line(n));
    await handle.sync();
  }),
});
await handle.close();
await rm(dir, { recursive: true, force: true });

// A claim in memory, what the old deduper did: the floor for claim latency.
const memory = new Map<string, number>();
const memoryMs: number[] = [];
for (let n = 0; n < CLAIMS; n += 1) {
  const started = performance.now();
  if (!memory.has(`EvBench${n}`)) memory.set(`EvBench${n}`, Date.now() + 3_600_000);
  memoryMs.push(performance.now() - started);
}
memoryMs.sort((a, b) => a - b);
claims.push({
  what: 'in-memory Map (old deduper, one process only)',
  p50: percentile(memoryMs, 50),
  p99: percentile(memoryMs, 99),
});

for (const engine of ['sqlite', 'postgres'] as const) {
  let place: TestPlace | undefined;
  let store: Store | undefined;
  try {
    place = await createTestPlace(engine);
    store = await createStore(place);
    const s = store;
    rows.push({
      what: `${engine}: store.append, sequential`,
      perSecond: await sequential(WRITES, (n) => s.append(record(n))),
    });
    rows.push({
      what: `${engine}: store.append, ${WRITERS} concurrent writers`,
      perSecond: await concurrent(WRITES, (n) => s.append(record(n))),
    });
    claims.push({ what: `${engine}: eventClaims.claim`, ...(await claimLatencies(s)) });
  } finally {
    await store?.close();
    await place?.dispose();
  }
}

const base = rows[0]?.perSecond ?? 1;
process.stdout.write(
  `Feedback writes (${WRITES} records each)\n\n| | writes/s | vs JSONL appendFile |\n|---|---:|---:|\n`,
);
for (const r of rows)
  process.stdout.write(`| ${r.what} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / base).toFixed(2)}× |\n`);
process.stdout.write(
  `\nEvent-claim latency (${CLAIMS} fresh keys, one after another)\n\n| | p50 ms | p99 ms |\n|---|---:|---:|\n`,
);
for (const c of claims) process.stdout.write(`| ${c.what} | ${c.p50.toFixed(3)} | ${c.p99.toFixed(3)} |\n`);
