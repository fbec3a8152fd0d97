import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../../src/config.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { createLogger } from '../../src/slack/logger.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
import { createTestCore, TEST_PACE_MS } from './helpers/start-test-slack.js';

let api: FakeSlackApi;
let wss: WebSocketServer;
let slack: SlackApp;
let store: Store;
let dataDir: string;
let port: number | null;

beforeAll(async () => {
  api = await startFakeSlackApi();
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  api.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  wss.on('connection', (socket) =>
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST01' } })),
  );
  api.answer('oauth.v2.access', {
    ok: true,
    app_id: 'A0TEST01',
    access_token: 'xoxb-socket-installed',
    token_type: 'bot',
    scope: 'chat:write',
    bot_user_id: 'UBOT0009',
    authed_user: { id: 'U0INSTALL' },
    team: { id: 'T0SOCKTEAM', name: 'Socket team' },
    enterprise: null,
    is_enterprise_install: false,
  });
  dataDir = await mkdtemp(join(tmpdir(), 'beian-socket-oauth-'));
  const config = loadConfig({
    SLACK_APP_TOKEN: 'xapp-1-socket-oauth',
    SLACK_CLIENT_ID: '1111111111.2222222222',
    SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef',
    SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
    BEIAN_TOKEN_KEY: randomBytes(32).toString('hex'),
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
  port = (await slack.start()).port;
});

afterAll(async () => {
  await slack.stop();
  await store.close();
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('OAuth distribution in Socket Mode', () => {
  it('serves /slack/install and /slack/oauth_redirect on PORT beside /healthz, and stores the installation', async () => {
    expect(port).not.toBeNull();
    const base = `http://127.0.0.1:${port}`;
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const state = new URL(install.headers.get('location') ?? 'http://x/').searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const done = await fetch(`${base}/slack/oauth_redirect?code=c&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(200);
    expect(await store.installations.get('team:T0SOCKTEAM')).toBeDefined();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
