import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../../src/config.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { createLogger } from '../../src/slack/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { FAKE_BOT, type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
import { commandBody, eventEnvelope, messageShortcutPayload } from './helpers/signed-requests.js';
import { createTestCore, TEST_PACE_MS } from './helpers/start-test-slack.js';

let api: FakeSlackApi;
let wss: WebSocketServer;
let slack: SlackApp;
let dataDir: string;
let store: Store;
let healthPort: number | null = null;
const connections: WebSocket[] = [];
const received: Record<string, unknown>[] = [];

function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  api = await startFakeSlackApi();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST01' }, debug_info: {} }),
    );
  });
  dataDir = await mkdtemp(join(tmpdir(), 'beian-socket-'));
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
    paceMs: TEST_PACE_MS,
  });
  healthPort = (await slack.start()).port;
});

afterAll(async () => {
  await slack.stop();
  await store.close();
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

function sendMention(socket: WebSocket, envelopeId: string, text: string) {
  const payload = eventEnvelope({
    type: 'app_mention',
    user: 'U0PERSON1',
    text: `<@${FAKE_BOT.user_id}> ${text}`,
    ts: '1700002000.000100',
    channel: 'C0SOCKET1',
  });
  socket.send(
    JSON.stringify({
      envelope_id: envelopeId,
      type: 'events_api',
      payload,
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    }),
  );
}

describe('Socket Mode', () => {
  it('opens the connection through apps.connections.open with the app-level token', () => {
    const [open] = api.callsTo('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-socket-test');
    expect(connections).toHaveLength(1);
  });

  it('serves GET /healthz on PORT beside the socket', async () => {
    expect(healthPort).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(res.status).toBe(200);
  });

  it('acks an events_api envelope and answers through the Web API', async () => {
    const from = api.callsTo('chat.postMessage').length;
    sendMention(connections[0] as WebSocket, 'env-1', '备案号会过期吗');
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-1'), 'the ack of env-1');
    const [post] = (await api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.channel).toBe('C0SOCKET1');
    expect(post?.args.thread_ts).toBe('1700002000.000100');
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('acks an interactive envelope for the "Ask beian about this" shortcut and answers through its response URL', async () => {
    const socket = connections.at(-1) as WebSocket;
    const payload = messageShortcutPayload(
      'ask_beian',
      { text: 'does the beian number expire?', ts: '1700002100.000100' },
      api.responseUrl('socket-shortcut'),
    );
    socket.send(
      JSON.stringify({ envelope_id: 'env-sc', type: 'interactive', payload, accepts_response_payload: false }),
    );
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-sc'), 'the ack of env-sc');
    const [reply] = await api.waitFor('respond:socket-shortcut');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.args.blocks)).toContain('Share in thread');
  });

  it('acks assistant-thread envelopes: suggested prompts for a new thread, status then the answer in it', async () => {
    const socket = connections.at(-1) as WebSocket;
    const thread = { channel_id: 'D0SOCKET1', thread_ts: '1700002200.000100' };
    const send = (envelopeId: string, event: Record<string, unknown>) =>
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: 'events_api',
          payload: eventEnvelope(event),
          retry_attempt: 0,
        }),
      );
    send('env-as', {
      type: 'assistant_thread_started',
      assistant_thread: { user_id: 'U0PERSON1', context: {}, ...thread },
      event_ts: '1700002200.000200',
    });
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-as'), 'the ack of env-as');
    const [prompts] = await api.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts?.args).toMatchObject(thread);
    const from = api.callsTo('chat.postMessage').length;
    send('env-am', {
      type: 'message',
      user: 'U0PERSON1',
      text: 'does the beian number expire?',
      ts: '1700002201.000100',
      thread_ts: thread.thread_ts,
      channel: thread.channel_id,
      channel_type: 'im',
    });
    const [answer] = (await api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(answer?.args).toMatchObject({ channel: thread.channel_id, thread_ts: thread.thread_ts });
    expect(api.callsTo('assistant.threads.setStatus').at(-1)?.args.status).toBe('Looking it up…');
  });

  it('reconnects when the connection drops, and keeps answering', async () => {
    const opens = api.callsTo('apps.connections.open').length;
    connections[0]?.close(1001, 'going away');
    await waitUntil(() => connections.length === 2, 'a new connection', 10_000);
    expect(api.callsTo('apps.connections.open').length).toBeGreaterThan(opens);
    const from = api.callsTo('chat.postMessage').length;
    // The client counts as connected once it has had our hello; give it a moment to get there.
    await new Promise((resolve) => setTimeout(resolve, 200));
    sendMention(connections[1] as WebSocket, 'env-2', 'does the beian number expire?');
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-2'), 'the ack of env-2');
    await api.waitFor('chat.postMessage', from + 1);
  });
});

describe('Socket Mode: the Workflow Builder step and /footer-watch (issue 10)', () => {
  it('acks a function_executed envelope and fails the step with a sentence when no target is given', async () => {
    const socket = connections.at(-1) as WebSocket;
    const payload = eventEnvelope({
      type: 'function_executed',
      function: { id: 'Fn0SOCK01', callback_id: 'footer_check', title: "Check a site's footer" },
      inputs: { target: '' },
      function_execution_id: 'Fx0SOCK01',
      workflow_execution_id: 'Wx0SOCK01',
      event_ts: '1700002200.000100',
      bot_access_token: 'xwfp-socket-function',
    });
    socket.send(
      JSON.stringify({ envelope_id: 'env-fn', type: 'events_api', payload, accepts_response_payload: false }),
    );
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-fn'), 'the ack of env-fn');
    const [failed] = await api.waitFor('functions.completeError');
    expect(failed?.args.function_execution_id).toBe('Fx0SOCK01');
    expect(failed?.headers.authorization).toBe('Bearer xwfp-socket-function');
  });

  it('acks a /footer-watch slash_commands envelope and answers through its response URL', async () => {
    const socket = connections.at(-1) as WebSocket;
    const payload = Object.fromEntries(
      new URLSearchParams(commandBody('/footer-watch', 'add example.cn', api.responseUrl('socket-watch'))),
    );
    socket.send(
      JSON.stringify({ envelope_id: 'env-cmd', type: 'slash_commands', payload, accepts_response_payload: true }),
    );
    await waitUntil(() => received.some((m) => m.envelope_id === 'env-cmd'), 'the ack of env-cmd');
    const [reply] = await api.waitFor('respond:socket-watch');
    expect(String(reply?.args.text)).toContain('Watching example.cn');
    expect(await store.watches.get('example.cn')).toMatchObject({ owner: 'U0PERSON1' });
  });
});
