import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWatchRuntime } from '../../src/cli/watch-runtime.js';
import { loadConfig } from '../../src/config.js';
import { MAX_SCREENSHOT_BYTES } from '../../src/core/footer/render/footer-screenshot.js';
import { createLogger } from '../../src/slack/logger.js';
import { createLanguageResolver } from '../../src/slack/user-language.js';
import { createSlackAlertSink } from '../../src/slack/watch-alert-sink.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { loadWatchConfig } from '../../src/watch-config.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';

const CHANNEL = 'C0ALERTS1';
// The number is there but does not link to MIIT: a warning against a clean footer, so the re-check alerts.
const PAGE =
  '<!doctype html><html><body style="margin:0"><main style="height:1200px">Shop</main>' +
  '<footer style="padding:24px">© 2026 Example · <span>京ICP备05004398号-1</span></footer></body></html>';

describe('a watch alert with its footer picture, end to end (Chromium, the stand-in Web API)', () => {
  let server: Server;
  let site: string;
  let dir: string;
  let store: Store;
  let api: FakeSlackApi;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    dir = await mkdtemp(join(tmpdir(), 'beian-alert-picture-'));
    store = await createStore({ dataDir: dir });
    api = await startFakeSlackApi();
  });
  afterAll(async () => {
    await store.close();
    await api.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('renders the watched page, uploads the JPEG once and posts the alert with an image block', async () => {
    await store.watches.put([{ target: site, everyMs: 3_600_000, nextRunAt: Date.now() }]);
    const env = { BEIAN_ALLOW_PRIVATE_NETWORK: '1', BEIAN_WATCH_RENDER: '1', BEIAN_WATCH_RECHECK_SECONDS: '0' };
    const logger = createLogger('warn', { write: () => undefined });
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
    const sink = createSlackAlertSink({
      client,
      channel: CHANNEL,
      threads: store.alertThreads,
      languages: createLanguageResolver({ logger }),
      logger,
    });
    const errors: string[] = [];
    const runtime = createWatchRuntime(loadConfig(env), loadWatchConfig(env), store.watches, sink, (e, context) =>
      errors.push(`${context}: ${String(e)}`),
    );
    try {
      expect(await runtime.scheduler.round({ all: true, awaitRechecks: true })).toMatchObject({ alerts: 1 });
    } finally {
      await runtime.close();
    }
    expect(errors).toEqual([]);
    expect(api.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    const [upload] = api.calls.filter((c) => c.method.startsWith('upload:'));
    const bytes = Buffer.from(upload?.args.bytes as Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(bytes.length).toBeLessThanOrEqual(MAX_SCREENSHOT_BYTES);
    const [post] = api.callsTo('chat.postMessage');
    const blocks = post?.args.blocks as { type: string; slack_file?: { id: string } }[];
    expect(blocks.find((b) => b.type === 'image')?.slack_file?.id).toMatch(/^F0SHOT/);
  }, 60_000);
});
