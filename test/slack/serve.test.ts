import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startSlack } from '../../src/slack/start.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
import { postSigned } from './helpers/signed-requests.js';
import { createTestCore } from './helpers/start-test-slack.js';

const bin = fileURLToPath(new URL('../../bin/beian.js', import.meta.url));

describe('beian serve', () => {
  it('refuses clearly without Slack credentials', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'beian-serve-'));
    try {
      const env = { PATH: process.env.PATH ?? '', HOME: cwd };
      const result = spawnSync(process.execPath, [bin, 'serve'], { cwd, env, encoding: 'utf8', timeout: 30_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('serve needs Slack credentials: set SLACK_BOT_TOKEN');
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const SERVE_SECRET = 'serve-test-secret';

/** Runs `beian serve` in HTTP mode against a stand-in Slack until `use` is done, then SIGTERMs it. */
async function withServe(use: (url: string, stderr: () => string) => Promise<void>): Promise<number | null> {
  const api = await startFakeSlackApi();
  const cwd = await mkdtemp(join(tmpdir(), 'beian-serve-'));
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-serve-test',
      SLACK_SIGNING_SECRET: SERVE_SECRET,
      SLACK_API_URL: api.apiUrl,
      PORT: String(port),
      BEIAN_DATA_DIR: join(cwd, 'data'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 20_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = await fetch(`${url}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy, stderr).toBe(true);
    await use(url, () => stderr);
    child.kill('SIGTERM');
    return await exited;
  } finally {
    child.kill('SIGKILL');
    await api.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

describe('beian serve in HTTP mode', () => {
  it('serves until SIGTERM, then stops cleanly', async () => {
    let stderr = '';
    const code = await withServe(async (_url, read) => {
      stderr = read();
    });
    expect(code).toBe(0);
    expect(stderr).not.toContain('xoxb-serve-test');
  });

  it('answers a signed null body (JSON or payload=null) with 400 and keeps serving', async () => {
    const code = await withServe(async (url, stderr) => {
      expect((await postSigned(url, SERVE_SECRET, 'null', 'application/json')).status).toBe(400);
      const form = 'application/x-www-form-urlencoded';
      expect((await postSigned(url, SERVE_SECRET, 'payload=null', form)).status).toBe(400);
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'still-here' });
      const after = await postSigned(url, SERVE_SECRET, challenge, 'application/json');
      expect(after.status, stderr()).toBe(200);
      expect(after.text).toContain('still-here');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(stderr()).toContain('the body is null, not a JSON object');
    });
    expect(code).toBe(0);
  });
});

describe('startSlack', () => {
  let api: FakeSlackApi;
  let dataDir: string;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    dataDir = await mkdtemp(join(tmpdir(), 'beian-start-'));
  });
  afterAll(async () => {
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = () =>
    loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: 'start-test-secret',
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      BEIAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
    });

  it('starts in HTTP mode and stops', async () => {
    const bot = await startSlack(config(), await createTestCore());
    expect(api.callsTo('auth.test').length).toBeGreaterThan(0);
    await bot.stop();
  });

  it('fails to start with a clear error when Slack rejects the token', async () => {
    api.answer('auth.test', { ok: false, error: 'invalid_auth' });
    try {
      await expect(startSlack(config(), await createTestCore())).rejects.toThrow(
        'Slack did not accept SLACK_BOT_TOKEN (invalid_auth); check the bot token.',
      );
    } finally {
      api.answer('auth.test', { ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0TEST01' });
    }
  });
});
