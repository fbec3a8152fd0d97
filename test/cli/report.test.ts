import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReportCommand } from '../../src/cli/report.js';
import { formatReport } from '../../src/cli/report-action.js';
import { createStore } from '../../src/store/create-store.js';
import type { StoreRecord } from '../../src/store/records.js';
import { questionKey, summariseFeedback } from '../../src/store/summarise-feedback.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const unanswered = (question: string, at: string, best: string | null = null, confidence = 0.2): StoreRecord => ({
  kind: 'unanswered',
  at,
  user: 'U1',
  channel: 'C1',
  question,
  bestEntryId: best,
  confidence,
});
const feedback = (entryId: string, value: 'helpful' | 'not-helpful' | 'solved' | 'need-person', at = day(1)) =>
  ({ kind: 'feedback', at, user: 'U1', channel: 'C1', entryId, value }) as StoreRecord;

const records: StoreRecord[] = [
  unanswered('备案能转让吗？', day(1), 'why-cancelled', 0.4),
  unanswered('备案能转让吗', day(2), 'why-cancelled', 0.5),
  unanswered('备案能转让吗？', day(3)),
  unanswered('Can I transfer a filing?', day(1)),
  unanswered('can i transfer a filing', day(20)),
  unanswered('多久能批下来', day(40)),
  feedback('validity-period', 'helpful'),
  feedback('validity-period', 'helpful'),
  feedback('why-cancelled', 'not-helpful'),
  feedback('why-cancelled', 'need-person'),
  feedback('why-cancelled', 'helpful'),
  feedback('public-security-filing', 'not-helpful'),
  feedback('old-entry', 'not-helpful', day(60)),
  { kind: 'footer-check', at: day(1), user: 'U1', channel: 'C1', target: 'a.cn', verdict: 'pass', icp: null },
];

describe('questionKey', () => {
  it.each([
    ['备案能转让吗？', '备案能转让吗'],
    ['  Can I transfer a filing? ', 'can i transfer a filing'],
    ['ＩＣＰ  备案!!', 'icp 备案'],
  ])('%j → %j', (q, key) => {
    expect(questionKey(q)).toBe(key);
  });
});

describe('summariseFeedback', () => {
  it('groups unanswered questions by normalised text, most frequent first, with the usual wording', () => {
    const { unanswered: groups } = summariseFeedback(records, { now: NOW });
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['备案能转让吗？', 3],
      ['Can I transfer a filing?', 2],
      ['多久能批下来', 1],
    ]);
    expect(groups[0]).toMatchObject({ bestEntryId: 'why-cancelled', maxConfidence: 0.5, lastAsked: day(1) });
  });

  it('ranks entries worst first by not helpful and need-a-person against helpful and solved', () => {
    const { leastHelpful } = summariseFeedback(records, { now: NOW });
    // Equal net scores: more negative votes first, then by id.
    expect(leastHelpful.map((e) => e.entryId)).toEqual([
      'why-cancelled',
      'old-entry',
      'public-security-filing',
      'validity-period',
    ]);
    expect(leastHelpful[0]).toEqual({ entryId: 'why-cancelled', helpful: 1, notHelpful: 1, solved: 0, needPerson: 1 });
  });

  it('keeps only the last N days with --days', () => {
    const summary = summariseFeedback(records, { now: NOW, days: 7 });
    expect(summary.since).toBe(day(7));
    expect(summary.unanswered.map((g) => g.count)).toEqual([3, 1]);
    expect(summary.leastHelpful.map((e) => e.entryId)).not.toContain('old-entry');
    expect(summary.footerChecks).toBe(1);
  });

  it('is empty for an empty store', () => {
    expect(summariseFeedback([], { now: NOW })).toEqual({
      since: null,
      unanswered: [],
      leastHelpful: [],
      footerChecks: 0,
    });
  });
});

describe('formatReport', () => {
  it('prints both lists with counts', () => {
    const text = formatReport(summariseFeedback(records, { now: NOW }), 'data');
    expect(text).toContain('   3×  备案能转让吗？ — closest: why-cancelled (0.50)');
    expect(text).toMatch(/why-cancelled\s+👎 1 {2}🙋 1 {2}👍 1 {2}✅ 0/);
    expect(text).toContain('Footer checks: 1');
  });

  it('says when there is nothing yet', () => {
    const text = formatReport(summariseFeedback([], { now: NOW }), 'data');
    expect(text).toContain('(none)');
    expect(text).toContain('(no feedback yet)');
  });
});

describe('beian report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'beian-report-'));
    const store = await createStore({ dataDir: dir });
    for (const record of records) await store.append(record);
    await store.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    const program = new Command('beian').exitOverride();
    registerReportCommand(program);
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
    try {
      await program.parseAsync(['node', 'beian', 'report', ...args]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    return { out: out.join(''), err: err.join('') };
  }

  it('--json prints the summary of what the database holds as JSON', async () => {
    const { out } = await run(['--json', '--data-dir', dir]);
    const summary = JSON.parse(out);
    expect(summary.unanswered[0]).toMatchObject({ question: '备案能转让吗？', count: 3 });
    expect(summary.leastHelpful.map((e: { entryId: string }) => e.entryId)).toContain('old-entry');
    expect(summary.footerChecks).toBe(1);
  });

  it.each([['0'], ['-3'], ['two'], ['1.5']])('--days %s is refused with a clear message', async (days) => {
    await expect(run(['--days', days, '--data-dir', dir])).rejects.toThrow(/--days expects a whole number of days/);
  });

  it('runs from the real command line', () => {
    const bin = fileURLToPath(new URL('../../bin/beian.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'report', '--days', '36500', '--data-dir', dir], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Most frequent unanswered questions:');
    expect(result.stdout).toContain('备案能转让吗？');
  });
});
