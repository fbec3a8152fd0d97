import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { ACTION } from '../../../src/slack/blocks/action-ids.js';
import { startSlack } from '../../../src/slack/start.js';
import { createStore } from '../../../src/store/create-store.js';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api.js';
import { buttonClickBody } from '../helpers/signed-requests.js';
import { createTestCore, startTestSlack } from '../helpers/start-test-slack.js';
import { createFakeClock } from './fake-clock.js';

describe('the weekly digest in beian serve', () => {
  let api: FakeSlackApi;
  let dataDir: string;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    dataDir = await mkdtemp(join(tmpdir(), 'beian-digest-'));
    const store = await createStore({ dataDir });
    for (const user of ['U0ASKER01', 'U0ASKER02']) {
      await store.append({
        kind: 'unanswered',
        at: '2026-12-05T03:00:00.000Z',
        user,
        channel: 'C0CHAN001',
        question: '备案审核一般要多久',
        bestEntryId: null,
        confidence: 0.1,
      });
    }
    await store.append({
      kind: 'feedback',
      at: '2026-12-05T03:01:00.000Z',
      user: 'U0ASKER03',
      channel: 'C0CHAN001',
      entryId: 'validity-period',
      value: 'not-helpful',
    });
    await store.close();
  });
  afterAll(async () => {
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('posts on Monday 01:00 UTC to BEIAN_DIGEST_CHANNEL, with a button per row', async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-digest-test',
      SLACK_SIGNING_SECRET: 'digest-test-secret',
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      BEIAN_DIGEST_CHANNEL: 'C0DIGEST1',
      LOG_LEVEL: 'error',
    });
    const clock = createFakeClock(new Date('2026-12-06T12:00:00Z'));
    const bot = await startSlack(config, await createTestCore(), { clock });
    try {
      expect(api.callsTo('chat.postMessage')).toEqual([]);
      expect(clock.fireNext().toISOString()).toBe('2026-12-07T01:00:00.000Z');
      const [post] = await api.waitFor('chat.postMessage');
      expect(post?.args.channel).toBe('C0DIGEST1');
      const blocks = JSON.stringify(post?.args.blocks);
      expect(String(post?.args.text)).toBe('📚 知识库周报，2026-11-30 – 2026-12-07');
      expect(blocks).toContain('备案审核一般要多久');
      expect(blocks).toContain(`"action_id":"${ACTION.digestCapture}"`);
      expect(blocks).toContain(
        `"action_id":"${ACTION.digestReview}","text":{"type":"plain_text","text":"复核"},"value":"validity-period"`,
      );
      // The next one is armed for the week after.
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
    } finally {
      await bot.stop();
    }
    expect(clock.pending()).toBe(0);
  });
});

describe('the digest buttons through the running bot', () => {
  it('Review tells the clicker privately which file to recheck, when it was reviewed and who owns it', async () => {
    const t = await startTestSlack();
    try {
      await t.sendForm(buttonClickBody(ACTION.digestReview, 'validity-period', t.api.responseUrl('review')));
      const [reply] = await t.api.waitFor('respond:review');
      expect(reply?.args.response_type).toBe('ephemeral');
      expect(String(reply?.args.text)).toMatch(/`validity\/validity-period\.md`/);
      await t.sendForm(buttonClickBody(ACTION.digestCapture, '备案审核一般要多久', t.api.responseUrl('capture')));
      const [capture] = await t.api.waitFor('respond:capture');
      expect(String(capture?.args.text)).toContain('备案审核一般要多久');
      expect(String(capture?.args.text)).toContain('Save as FAQ answer');
    } finally {
      await t.stop();
    }
  });
});
