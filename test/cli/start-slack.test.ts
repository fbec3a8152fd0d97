import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/helpers/fake-slack-api.js';
import { BIN, FIXTURES } from './run-beian.js';

let slack: FakeSlackApi;
let data: string;
beforeAll(async () => {
  slack = await startFakeSlackApi();
  data = await mkdtemp(join(tmpdir(), 'beian-start-slack-'));
});
afterAll(async () => {
  await slack.close();
  await rm(data, { recursive: true, force: true });
});

/** Starts `beian start` with Slack credentials; resolves with the HTTP port once it logs that it listens. */
function startBot() {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1' };
  Object.assign(env, {
    SLACK_BOT_TOKEN: 'xoxb-test-start',
    SLACK_SIGNING_SECRET: 'test-signing-secret-start',
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: data,
    BEIAN_KNOWLEDGE_DIR: join(FIXTURES, 'good'),
  });
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: data, env });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Listening" line; stderr:\n${stderr}`)), 15_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const port = /Listening on port (\d+)/.exec(stderr)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    });
  });
  return { child, exited, listening, stderr: () => stderr };
}

describe('beian start with Slack credentials', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves Slack over HTTP and stops cleanly on %s', async (signal) => {
    const bot = startBot();
    try {
      const port = await bot.listening;
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
      bot.child.kill(signal);
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });
});
