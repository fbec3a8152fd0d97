import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { AlertEvent } from '../../src/core/watch/types.js';
import { createStandaloneAlertSink } from '../../src/slack/standalone-alert-sink.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';

const CHANNEL = 'C0ALERTS1';
const OWNER = 'U0OWNER01';

const regression: AlertEvent = {
  kind: 'regression',
  target: 'example.cn',
  owner: OWNER,
  url: 'https://example.cn/',
  at: 2_000,
  incidentSince: 1_000,
  verdictBefore: 'pass',
  verdictAfter: 'fail',
  numberBefore: '京ICP备05004398号-1',
  numberAfter: null,
  newFindings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number in the footer' }],
  findings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number in the footer' }],
  inconclusiveCount: 0,
};

let api: FakeSlackApi;
let store: Store;
let dataDir: string;

beforeAll(async () => {
  api = await startFakeSlackApi();
  dataDir = await mkdtemp(join(tmpdir(), 'beian-standalone-sink-'));
  store = await createStore({ dataDir });
});
afterAll(async () => {
  await store?.close();
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: 'xoxb-worker',
  SLACK_SIGNING_SECRET: 'a-signing-secret-long-enough-0123456789',
  SLACK_API_URL: api.apiUrl,
  BEIAN_WATCH_ALERT_CHANNEL: CHANNEL,
  ...extra,
});

describe('the alert sink of a process that does not serve Slack (beian worker)', () => {
  it('posts alerts with the bot token to the alert channel and the owner, as beian serve does', async () => {
    const sink = createStandaloneAlertSink(loadConfig(env()), store.alertThreads);
    expect(sink).toBeDefined();
    await sink?.alert(regression);
    await sink?.flush();
    const posts = api.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.channel).sort()).toEqual([CHANNEL, OWNER].sort());
    expect(posts.every((p) => String(p.headers.authorization) === 'Bearer xoxb-worker')).toBe(true);
    expect(JSON.stringify(posts[0]?.args)).toContain('example.cn');
  });

  it('is absent without Slack credentials, so alerts are printed instead', () => {
    expect(createStandaloneAlertSink(loadConfig({}), store.alertThreads)).toBeUndefined();
  });
});
