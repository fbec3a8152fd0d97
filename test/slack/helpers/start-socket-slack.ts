import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../../../src/config.js';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-app.js';
import { createLogger } from '../../../src/slack/logger.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { createTestCore, TEST_PACE_MS } from './start-test-slack.js';

/** The bot in Socket Mode against a fake Slack: the Web API on loopback and Slack's WebSocket end of the link. */
export interface SocketSlack {
  api: FakeSlackApi;
  slack: SlackApp;
  store: Store;
  /** The PORT the app serves /healthz (and, with OAuth, the install pages) on. */
  port: number | null;
  /** Every connection the app opened, oldest first (it reconnects after a close). */
  connections: WebSocket[];
  /** Every frame the app sent over any connection (acks carry `envelope_id`). */
  received: Record<string, unknown>[];
  /** Resolves with the app's ack of an envelope. */
  ackOf(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface SocketSlackOptions {
  /** Settings beside the app token, API URL, PORT and data folder (a bot token by default). */
  env?: Record<string, string>;
  /** Answers the fake API gives before the app starts (an OAuth exchange, say). */
  prepare?: (api: FakeSlackApi) => void;
}

export async function startSocketSlack(options: SocketSlackOptions = {}): Promise<SocketSlack> {
  const api = await startFakeSlackApi();
  options.prepare?.(api);
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  const connections: WebSocket[] = [];
  const received: Record<string, unknown>[] = [];
  wss.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST01' }, debug_info: {} }),
    );
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'beian-socket-'));
  const config = loadConfig({
    SLACK_APP_TOKEN: 'xapp-1-socket-test',
    ...(options.env ?? { SLACK_BOT_TOKEN: 'xoxb-socket-test' }),
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  });
  const store = await createStore({ dataDir });
  const slack = createSlackApp({
    config,
    core: await createTestCore(),
    store,
    logger: createLogger('error', { write: () => undefined }),
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    paceMs: TEST_PACE_MS,
  });
  const port = (await slack.start()).port;
  return {
    api,
    slack,
    store,
    port,
    connections,
    received,
    async ackOf(envelopeId, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ack = received.find((m) => m.envelope_id === envelopeId);
        if (ack) return ack;
        if (Date.now() > deadline) throw new Error(`no ack of ${envelopeId} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      await slack.stop();
      await store.close();
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
