import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { suggestFromTraffic } from '../../src/core/learn/suggest.js';
import { createStore } from '../../src/store/create-store.js';
import { readEvidence } from '../../src/store/read-evidence.js';
import { FIXTURES, runBeian } from './run-beian.js';

const work = await mkdtemp(join(tmpdir(), 'beian-kb-suggest-'));
const knowledge = join(work, 'knowledge');
const data = join(work, 'data');
afterAll(() => rm(work, { recursive: true, force: true }));

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

beforeAll(async () => {
  await cp(join(FIXTURES, 'good'), knowledge, { recursive: true });
  const store = await createStore({ dataDir: data });
  const asked = (user: string, minute: number, question: string) =>
    store.traffic.record({
      kind: 'asked',
      at: at(minute),
      user,
      channel: 'C1',
      thread: null,
      question,
      answeredEntryId: null,
      confidence: 0.2,
      suggestionIds: ['validity-period', 'why-cancelled'],
    });
  const picked = (user: string, minute: number, entryId: string) =>
    store.traffic.record({ kind: 'picked', at: at(minute), user, channel: 'C1', thread: null, entryId });
  await asked('U1', 0, '备案号 过几年还有效吗');
  await picked('U1', 1, 'validity-period');
  await asked('U2', 2, 'is my icp number still good after 5 years');
  await store.append({
    kind: 'feedback',
    at: at(3),
    user: 'U2',
    channel: 'C1',
    entryId: 'validity-period',
    value: 'solved',
  });
  for (const user of ['U3', 'U4']) {
    await store.append({
      kind: 'unanswered',
      at: at(5),
      user,
      channel: 'C1',
      question: '备案审核要多久',
      bestEntryId: null,
      confidence: 0.1,
    });
  }
  await store.close();
});

describe('beian kb suggest', () => {
  it('prints the review list: alternates with keys, candidate entries, troubled entries', async () => {
    const { code, stdout, stderr } = await runBeian(['--knowledge', knowledge, 'kb', 'suggest', '--data-dir', data]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\[validity-period#[0-9a-f]{6}\] validity\.md\n\s+\+ 备案号 过几年还有效吗 {3}\(1 person, picked\)/,
    );
    expect(stdout).toMatch(/\+ is my icp number still good after 5 years {3}\(1 person, solved\)/);
    expect(stdout).toMatch(/2× by 2 people\n\s+备案审核要多久/);
    expect(stdout).toContain('Entries often 👎 or escalated');
  });

  it('--json prints the same list as JSON', async () => {
    const { code, stdout } = await runBeian(['--knowledge', knowledge, 'kb', 'suggest', '--json', '--data-dir', data]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { alternates: { entryId: string }[]; candidates: unknown[] };
    expect(report.alternates.map((a) => a.entryId)).toEqual(['validity-period', 'validity-period']);
    expect(report.candidates).toHaveLength(1);
  });

  it('--apply --only KEY adds only that alternate, after the last question, and the folder still lints', async () => {
    const before = await readFile(join(knowledge, 'validity.md'), 'utf8');
    const kb = await loadKnowledgeBase(knowledge);
    const store = await createStore({ dataDir: data });
    const evidence = await readEvidence(store).finally(() => store.close());
    const chosen = suggestFromTraffic({ kb, ...evidence }).alternates.find(
      (a) => a.question === '备案号 过几年还有效吗',
    );
    const { code, stdout } = await runBeian([
      '--knowledge',
      knowledge,
      'kb',
      'suggest',
      '--data-dir',
      data,
      '--apply',
      '--only',
      chosen?.key ?? '',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Added 1 alternate question(s) to 1 file(s): validity.md.\nReview the change (git diff), then commit it.\n',
    );
    const after = await readFile(join(knowledge, 'validity.md'), 'utf8');
    expect(after).toBe(
      before.replace(
        '- how long is an ICP number valid\n',
        '- how long is an ICP number valid\n- 备案号 过几年还有效吗\n',
      ),
    );
    const linted = await loadKnowledgeBase(knowledge, { checkMarkup: true });
    expect(linted.byId.get('validity-period')?.questions).toContain('备案号 过几年还有效吗');
    // Applied once: the question is now the entry's own, so the list no longer proposes it.
    const again = await runBeian(['--knowledge', knowledge, 'kb', 'suggest', '--json', '--data-dir', data]);
    expect(again.stdout).not.toContain('备案号 过几年还有效吗');
  }, 40_000);

  it.each([
    [['--only', 'x'], 'beian: --only needs --apply\n'],
    [['--apply', '--only', 'nope#123456'], /--only names alternates not in the review list: nope#123456/],
    [['--days', 'soon'], 'beian: --days expects a whole number of days (1 or more), not "soon"\n'],
  ])('refuses %j with a clear message', async (args, message) => {
    const { code, stderr } = await runBeian(['--knowledge', knowledge, 'kb', 'suggest', '--data-dir', data, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
