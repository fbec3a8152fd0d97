import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../../src/config.js';
import { CAPTURE } from '../../src/slack/blocks/capture-modal.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { createLogger } from '../../src/slack/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
import { createTestCore } from './helpers/start-test-slack.js';

// In Socket Mode the form's errors travel in the envelope's ack, not in an HTTP response: checked here.
let api: FakeSlackApi;
let wss: WebSocketServer;
let slack: SlackApp;
let dataDir: string;
let store: Store;
let socket: WebSocket | undefined;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  api = await startFakeSlackApi();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (s) => {
    socket = s;
    s.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    s.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST01' } }));
  });
  dataDir = await mkdtemp(join(tmpdir(), 'beian-socket-capture-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-socket-test',
    SLACK_APP_TOKEN: 'xapp-1-socket-test',
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  });
  store = await createStore({ dataDir });
  slack = createSlackApp({
    config,
    core: await createTestCore(),
    store,
    logger: createLogger('error', { write: () => undefined }),
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
  });
  await slack.start();
});

afterAll(async () => {
  await slack.stop();
  await store.close();
  for (const s of wss.clients) s.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function ackOf(envelopeId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const ack = received.find((m) => m.envelope_id === envelopeId);
    if (ack) return ack;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ack of ${envelopeId}`);
}

function submit(envelopeId: string, id: string): void {
  const b = CAPTURE.blocks;
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const values = {
    [b.title]: text('备案短信验证码收不到怎么办？'),
    [b.questions]: text(''),
    [b.answer]: text('等几分钟再试，或换一个手机号。'),
    [b.id]: text(id),
    [b.topic]: { value: { type: 'static_select', selected_option: { value: 'after-filing' } } },
    [b.tags]: text('验证码, sms code'),
    [b.sourceTitle]: text('Slack thread'),
    [b.sourceUrl]: text('https://test.slack.com/archives/C1/p1700000000000100'),
  };
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEST01', domain: 'test' },
    user: { id: 'U0EXPERT1', username: 'expert', team_id: 'T0TEST01' },
    api_app_id: 'A0TEST01',
    token: 'legacy',
    trigger_id: '9.9.9',
    view: {
      id: 'V0CAPTURE',
      type: 'modal',
      callback_id: CAPTURE.callbackId,
      private_metadata: JSON.stringify({ channel: 'C1', ts: '1700000000.000100' }),
      blocks: [],
      state: { values },
    },
  };
  socket?.send(
    JSON.stringify({ envelope_id: envelopeId, type: 'interactive', payload, accepts_response_payload: true }),
  );
}

describe('the capture form in Socket Mode', () => {
  it('returns lint’s problems in the ack, and saves a clean draft', async () => {
    submit('env-bad', 'Bad Id');
    const bad = await ackOf('env-bad');
    expect(bad.payload).toEqual({
      response_action: 'errors',
      errors: { [CAPTURE.blocks.id]: expect.stringMatching(/kebab-case/) },
    });
    expect(await store.drafts.list()).toEqual([]);

    submit('env-good', 'filing-sms-code');
    const good = await ackOf('env-good');
    expect(good.payload ?? {}).toEqual({});
    expect((await store.drafts.list()).map((d) => d.id)).toEqual(['filing-sms-code']);
    const [dm] = await api.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0EXPERT1');
  });
});
