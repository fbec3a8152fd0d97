import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/helpers/fake-slack-api.js';
import { FIXTURES, runBeian } from './run-beian.js';

const work = await mkdtemp(join(tmpdir(), 'beian-kb-digest-'));
const knowledge = join(work, 'knowledge');
const data = join(work, 'data');
let api: FakeSlackApi;

beforeAll(async () => {
  api = await startFakeSlackApi();
  await cp(join(FIXTURES, 'good'), knowledge, { recursive: true });
  const store = await createStore({ dataDir: data });
  const recent = new Date(Date.now() - 3_600_000).toISOString();
  for (const user of ['U1', 'U2']) {
    await store.append({
      kind: 'unanswered',
      at: recent,
      user,
      channel: 'C1',
      question: '备案审核一般要多久',
      bestEntryId: null,
      confidence: 0.1,
    });
  }
  await store.append({
    kind: 'feedback',
    at: recent,
    user: 'U3',
    channel: 'C1',
    entryId: 'why-cancelled',
    value: 'need-person',
  });
  await store.close();
});
afterAll(async () => {
  await api?.close();
  await rm(work, { recursive: true, force: true });
});

const digest = (args: string[], env: Record<string, string> = {}) =>
  runBeian(['--knowledge', knowledge, 'kb', 'digest', '--data-dir', data, ...args], { env });

describe('beian kb digest', () => {
  it('prints the week: unanswered questions, stale entries with owners, least helpful entries', async () => {
    const { code, stdout, stderr } = await digest([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Knowledge digest, \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d\n/);
    expect(stdout).toContain('     2× (2 people)  备案审核一般要多久');
    // The fixture's entries were reviewed in 2025-12 and 2026-01: every one is past 180 days by now.
    expect(stdout).toMatch(
      /why-cancelled \(cancellation\/why\.md\) {2}reviewed 2025-12-31, due 2026-06-29 {2}no owner/,
    );
    expect(stdout).toContain('  why-cancelled  👎 0  🙋 1  👍 0');
  });

  it('--post posts it to BEIAN_DIGEST_CHANNEL through the Web API', async () => {
    const { code, stdout } = await digest(['--post'], {
      SLACK_BOT_TOKEN: 'xoxb-digest-cli',
      SLACK_SIGNING_SECRET: 'digest-cli-secret',
      SLACK_API_URL: api.apiUrl,
      BEIAN_DIGEST_CHANNEL: 'C0DIGEST1',
    });
    expect(code).toBe(0);
    expect(stdout).toBe('Posted the knowledge digest to C0DIGEST1.\n');
    const [post] = await api.waitFor('chat.postMessage');
    expect(post?.args.channel).toBe('C0DIGEST1');
    expect(JSON.stringify(post?.args.blocks)).toContain('备案审核一般要多久');
  });

  it.each([
    [['--post'], {}, 'beian: --post needs SLACK_BOT_TOKEN and BEIAN_DIGEST_CHANNEL (the channel ID to post to)\n'],
    [['--days', '0'], {}, 'beian: --days expects a whole number of days (1 or more), not "0"\n'],
  ])('refuses %j with a clear message', async (args, env, message) => {
    const { code, stderr } = await digest(args, env);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });
});
