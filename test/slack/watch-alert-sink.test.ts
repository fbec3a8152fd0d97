import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FooterScreenshot } from '../../src/core/footer/types.js';
import type { AlertEvent } from '../../src/core/watch/types.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { MAX_DIGEST_ALERTS } from '../../src/slack/blocks/watch-alert.js';
import { createLogger } from '../../src/slack/logger.js';
import { createLanguageResolver } from '../../src/slack/user-language.js';
import { createSlackAlertSink, type SlackAlertSink } from '../../src/slack/watch-alert-sink.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';

const CHANNEL = 'C0ALERTS1';
const OWNER = 'U0OWNER01';

const regression = (target: string, extra: Partial<AlertEvent> = {}): AlertEvent => ({
  kind: 'regression',
  target,
  owner: OWNER,
  url: `https://${target}/`,
  at: 2_000,
  incidentSince: 1_000,
  verdictBefore: 'pass',
  verdictAfter: 'fail',
  numberBefore: '京ICP备05004398号-1',
  numberAfter: null,
  newFindings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number in the footer' }],
  findings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number in the footer' }],
  inconclusiveCount: 0,
  ...extra,
});

const picture = (): FooterScreenshot => ({
  type: 'jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]),
  width: 1280,
  height: 160,
  region: { x: 0, y: 900, width: 1280, height: 160 },
  outlined: { icp: true, link: true },
});

const recovery = (target: string): AlertEvent =>
  regression(target, {
    kind: 'recovery',
    at: 3_000,
    verdictBefore: 'fail',
    verdictAfter: 'pass',
    numberBefore: null,
    numberAfter: '京ICP备05004398号-1',
    newFindings: [],
    findings: [],
  });

describe('the Slack alert sink, against the stand-in Web API', () => {
  let api: FakeSlackApi;
  let store: Store;
  let dir: string;
  let sink: SlackAlertSink;
  const logs: string[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    dir = await mkdtemp(join(tmpdir(), 'beian-alerts-'));
    store = await createStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });
  const fresh = (intervalMs = 300) => {
    const logger = createLogger('warn', { write: (line) => logs.push(line) });
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
    });
    sink = createSlackAlertSink({
      client,
      channel: CHANNEL,
      threads: store.alertThreads,
      languages: createLanguageResolver({ logger }),
      logger,
      intervalMs,
    });
    return sink;
  };
  afterEach(() => sink?.flush());
  const postsTo = (channel: string) => api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  it('posts a regression to the alert channel and to the owner by DM: what changed, the site, both buttons', async () => {
    fresh();
    await sink.alert(regression('one.cn'));
    const [inChannel] = postsTo(CHANNEL);
    const [inDm] = postsTo(OWNER);
    expect(inChannel).toBeDefined();
    expect(inDm).toBeDefined();
    const blocks = JSON.stringify(inChannel?.args.blocks);
    expect(blocks).toContain('one.cn');
    // The alert channel reads the default language; the owner's DM their locale (the stand-in says en-US).
    expect(String(inChannel?.args.text)).toContain('页脚变差了');
    expect(String(inDm?.args.text)).toContain('got worse');
    expect(JSON.stringify(inDm?.args.blocks)).toContain('ICP number: `京ICP备05004398号-1` → none');
    expect(blocks).toContain('no ICP number in the footer');
    expect(blocks).toContain('<https://one.cn/>');
    expect(blocks).toContain(ACTION.watchRecheck);
    expect(blocks).toContain(ACTION.watchMute);
  });

  it('posts the recovery in the thread of the regression, in each conversation', async () => {
    fresh();
    const before = api.callsTo('chat.postMessage').length;
    await sink.alert(regression('two.cn', { incidentSince: 7_000 }));
    expect(api.callsTo('chat.postMessage').length).toBe(before + 2);
    await sink.alert({ ...recovery('two.cn'), incidentSince: 7_000 });
    const replies = api.callsTo('chat.postMessage').slice(before + 2);
    expect(replies).toHaveLength(2);
    for (const reply of replies) {
      const thread = await store.alertThreads.find('two.cn', 7_000, String(reply.args.channel));
      expect(thread?.ts).toBeDefined();
      expect(reply.args.thread_ts).toBe(thread?.ts);
    }
    expect(JSON.stringify(replies[0]?.args.blocks)).toMatch(/fine again|已恢复正常/);
    // A recovery has nothing left to re-check or mute.
    expect(JSON.stringify(replies[0]?.args.blocks)).not.toContain(ACTION.watchMute);

    // The recovery of an incident never posted has no thread: it is a message of its own.
    await sink.alert({ ...recovery('two.cn'), incidentSince: 9_999 });
    const own = api.callsTo('chat.postMessage').slice(before + 4);
    expect(own).toHaveLength(2);
    expect(own.every((c) => c.args.thread_ts === undefined)).toBe(true);
  });

  it('batches a burst of 40 alerts into one digest per conversation, about one message a second at most', async () => {
    fresh(1000);
    const before = postsTo(CHANNEL).length;
    const burst = Array.from({ length: 40 }, (_, i) => regression(`burst${i}.cn`, { owner: undefined }));
    await Promise.all(burst.map((event) => sink.alert(event)));
    const [digest, ...others] = postsTo(CHANNEL).slice(before);
    expect(others).toHaveLength(0);
    const blocks = JSON.stringify(digest?.args.blocks);
    expect(String(digest?.args.text)).toMatch(/^40 /);
    expect((digest?.args.blocks as unknown[] | undefined)?.length).toBeLessThanOrEqual(50);
    expect(blocks).toContain(`${40 - MAX_DIGEST_ALERTS}`);
    // Every site in the digest has its thread remembered, for its recovery.
    expect(await store.alertThreads.find('burst39.cn', 1_000, CHANNEL)).not.toBeNull();

    // The next burst waits until a second after the digest.
    const next = Array.from({ length: 5 }, (_, i) => regression(`later${i}.cn`, { owner: undefined }));
    await Promise.all(next.map((event) => sink.alert(event)));
    const [second, ...rest] = postsTo(CHANNEL).slice(before + 1);
    expect(rest).toHaveLength(0);
    expect(String(second?.args.text)).toMatch(/^5 /);
    expect((second?.at ?? 0) - (digest?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  const withPicture = (target: string, extra: Partial<AlertEvent> = {}): AlertEvent =>
    regression(target, { screenshot: picture(), ...extra });
  const imagesIn = (call: { args: Record<string, unknown> } | undefined) =>
    ((call?.args.blocks as { type: string; slack_file?: { id: string } }[] | undefined) ?? []).filter(
      (b) => b.type === 'image',
    );
  const uploads = () => api.calls.filter((c) => c.method.startsWith('upload:'));

  it('uploads the footer picture once and shows it in the channel and the DM (image block)', async () => {
    fresh();
    const before = { urls: api.callsTo('files.getUploadURLExternal').length, bytes: uploads().length };
    const posts = postsTo(CHANNEL).length;
    await sink.alert(withPicture('pictured.cn'));
    expect(api.callsTo('files.getUploadURLExternal').length).toBe(before.urls + 1);
    expect(api.callsTo('files.completeUploadExternal').length).toBeGreaterThanOrEqual(1);
    const [sent] = uploads().slice(before.bytes);
    expect(Buffer.from(sent?.args.bytes as Uint8Array).equals(Buffer.from(picture().bytes))).toBe(true);
    const [inChannel] = postsTo(CHANNEL).slice(posts);
    const [inDm] = postsTo(OWNER).slice(-1);
    for (const message of [inChannel, inDm]) {
      const [image] = imagesIn(message);
      expect(image?.slack_file?.id).toMatch(/^F0SHOT\d+$/);
    }
    expect(imagesIn(inChannel)[0]?.slack_file?.id).toBe(imagesIn(inDm)[0]?.slack_file?.id);
  });

  it('uploads nothing and shows no image for an alert without a picture', async () => {
    fresh();
    const before = api.callsTo('files.getUploadURLExternal').length;
    const posts = postsTo(CHANNEL).length;
    await sink.alert(regression('plain.cn', { owner: undefined }));
    expect(api.callsTo('files.getUploadURLExternal').length).toBe(before);
    const [message] = postsTo(CHANNEL).slice(posts);
    expect(message).toBeDefined();
    expect(imagesIn(message)).toEqual([]);
  });

  it('still alerts, without the picture, when Slack refuses the upload', async () => {
    fresh();
    const posts = postsTo(CHANNEL).length;
    api.failNext('files.getUploadURLExternal', { status: 200, body: { ok: false, error: 'missing_scope' } });
    await sink.alert(withPicture('norights.cn', { owner: undefined }));
    const [message] = postsTo(CHANNEL).slice(posts);
    expect(JSON.stringify(message?.args.blocks)).toContain('norights.cn');
    expect(imagesIn(message)).toEqual([]);
    expect(logs.join('\n')).toMatch(/footer picture of norights\.cn failed/);
  });

  it('keeps a burst of pictured alerts to about one message a second, each within 50 blocks, pictures shown', async () => {
    fresh(1000);
    const posts = postsTo(CHANNEL).length;
    const burst = Array.from({ length: 20 }, (_, i) => withPicture(`shots${i}.cn`, { owner: undefined }));
    await Promise.all(burst.map((event) => sink.alert(event)));
    // Uploads finish one by one, so a burst may be split over a few digests, paced as any alerts are.
    const messages = postsTo(CHANNEL).slice(posts);
    expect(messages.length).toBeLessThan(burst.length);
    for (const [i, message] of messages.entries()) {
      expect((message.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
      if (i > 0) expect(message.at - (messages[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    }
    const text = messages.map((m) => String(m.args.text)).join('\n');
    for (const event of burst) expect(text).toContain(event.target);
    expect(messages.flatMap(imagesIn).length).toBeGreaterThan(0);
  });

  it('rejects the alert when Slack refuses the post, so the scheduler logs it', async () => {
    fresh();
    api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await expect(sink.alert(regression('refused.cn', { owner: undefined }))).rejects.toThrow(/channel_not_found/);
  });

  it('sends nothing, and says why in the log, for an alert with no channel and no Slack owner', async () => {
    const logger = createLogger('warn', { write: (line) => logs.push(line) });
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.apiUrl });
    const lonely = createSlackAlertSink({
      client,
      threads: store.alertThreads,
      languages: createLanguageResolver({ logger }),
      logger,
    });
    const before = api.callsTo('chat.postMessage').length;
    await lonely.alert(regression('lonely.cn', { owner: '@alice' }));
    expect(api.callsTo('chat.postMessage').length).toBe(before);
    expect(logs.join('\n')).toContain('BEIAN_WATCH_ALERT_CHANNEL');
  });
});
