import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startSlack } from '../../src/slack/start.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
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
