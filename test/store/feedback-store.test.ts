import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedbackStore, readStore, STORE_FILE } from '../../src/store/feedback-store.js';
import type { StoreRecord } from '../../src/store/records.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beian-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const check = (user: string, target: string, at: string): StoreRecord => ({
  kind: 'footer-check',
  at,
  user,
  channel: 'C1',
  target,
  verdict: 'pass',
  icp: null,
});

describe('feedback store', () => {
  it('creates the data folder and appends one JSON line per record', async () => {
    const nested = join(dir, 'a', 'b');
    const store = createFeedbackStore(nested);
    await store.append({ kind: 'feedback', at: 't', user: 'U1', channel: 'C1', entryId: 'e', value: 'helpful' });
    await store.append({
      kind: 'unanswered',
      at: 't',
      user: 'U1',
      channel: null,
      question: 'q?',
      bestEntryId: null,
      confidence: 0,
    });
    const lines = (await readFile(join(nested, STORE_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(['feedback', 'unanswered']);
  });

  it('survives a restart: a new store reads what the old one wrote', async () => {
    const first = createFeedbackStore(dir);
    await first.append(check('U1', 'a.cn', '2026-01-01T00:00:00Z'));
    const second = createFeedbackStore(dir);
    expect((await second.recentChecks('U1')).map((c) => c.target)).toEqual(['a.cn']);
  });

  it('tolerates a torn last line and starts the next record on a fresh line', async () => {
    await writeFile(join(dir, STORE_FILE), `${JSON.stringify(check('U1', 'a.cn', 't1'))}\n{"kind":"footer-ch`);
    const store = createFeedbackStore(dir);
    await store.append(check('U1', 'b.cn', 't2'));
    const { records, skipped } = await readStore(dir);
    expect(records.map((r) => (r.kind === 'footer-check' ? r.target : ''))).toEqual(['a.cn', 'b.cn']);
    expect(skipped).toBe(1);
  });

  it('skips lines that are not valid records', async () => {
    await writeFile(join(dir, STORE_FILE), '{"kind":"nonsense"}\nnot json\n\n');
    await appendFile(join(dir, STORE_FILE), `${JSON.stringify(check('U1', 'a.cn', 't'))}\n`);
    expect(await readStore(dir)).toMatchObject({ skipped: 2, records: [{ target: 'a.cn' }] });
  });

  it('reads a missing store as empty', async () => {
    expect(await readStore(join(dir, 'nope'))).toEqual({ records: [], skipped: 0 });
  });

  it('keeps concurrent appends whole and in order', async () => {
    const store = createFeedbackStore(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(check('U1', `s${i}.cn`, `t${i}`))));
    const { records, skipped } = await readStore(dir);
    expect(skipped).toBe(0);
    expect(records.map((r) => (r.kind === 'footer-check' ? r.target : ''))).toEqual(
      Array.from({ length: 200 }, (_, i) => `s${i}.cn`),
    );
  });

  it('recentChecks gives one person their latest checks, newest first', async () => {
    const store = createFeedbackStore(dir);
    await store.append(check('U1', 'a.cn', 't1'));
    await store.append(check('U2', 'x.cn', 't2'));
    expect((await store.recentChecks('U1')).map((c) => c.target)).toEqual(['a.cn']);
    await store.append(check('U1', 'b.cn', 't3'));
    await store.append(check('U1', 'c.cn', 't4'));
    expect((await store.recentChecks('U1', 2)).map((c) => c.target)).toEqual(['c.cn', 'b.cn']);
    expect(await store.recentChecks('U3')).toEqual([]);
  });
});
