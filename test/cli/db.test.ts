import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/feedback-store.js';
import type { StoreRecord } from '../../src/store/records.js';
import { runBeian } from './run-beian.js';

const records: StoreRecord[] = [
  {
    kind: 'unanswered',
    at: '2026-11-20T00:00:00.000Z',
    user: 'U1',
    channel: 'C1',
    question: '备案能转让吗？',
    bestEntryId: null,
    confidence: 0.2,
  },
  {
    kind: 'feedback',
    at: '2026-11-21T00:00:00.000Z',
    user: 'U1',
    channel: 'C1',
    entryId: 'why-cancelled',
    value: 'not-helpful',
  },
];

describe('beian db migrate-from-jsonl', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'beian-db-'));
    await writeFile(join(dir, STORE_FILE), `${records.map((r) => JSON.stringify(r)).join('\n')}\n{"kind":"feedb`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports the data folder’s feedback.jsonl once, reports the torn line, and beian report reads it', {
    timeout: 90_000,
  }, async () => {
    const first = await runBeian(['db', 'migrate-from-jsonl', '--data-dir', dir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /Imported 2 new record\(s\) .* 0 already there; 1 unreadable line\(s\) skipped \(line 3\)/,
    );
    const second = await runBeian(['db', 'migrate-from-jsonl', join(dir, STORE_FILE), '--data-dir', dir]);
    expect(second.stdout).toMatch(/Imported 0 new record\(s\) .* 2 already there/);
    const report = await runBeian(['report', '--json', '--data-dir', dir]);
    const summary = JSON.parse(report.stdout);
    expect(summary.unanswered).toMatchObject([{ question: '备案能转让吗？', count: 1 }]);
    expect(summary.leastHelpful).toMatchObject([{ entryId: 'why-cancelled', notHelpful: 1 }]);
  });

  it('says plainly when the file does not exist', async () => {
    const run = await runBeian(['db', 'migrate-from-jsonl', join(dir, 'missing.jsonl'), '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`beian: no such file: ${join(dir, 'missing.jsonl')}\n`);
  });

  it('names a DATABASE_URL that is not PostgreSQL, without a stack trace', async () => {
    const run = await runBeian(['db', 'migrate', '--data-dir', dir], {
      env: { DATABASE_URL: 'mysql://x@localhost/db' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).not.toContain('    at ');
  });
});
