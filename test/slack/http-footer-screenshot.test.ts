import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotCore } from '../../src/core/bot-core.js';
import { checkFooter } from '../../src/core/footer/check-footer.js';
import { createChromiumRenderer } from '../../src/core/footer/render/chromium-renderer.js';
import type { PageRenderer } from '../../src/core/footer/render/types.js';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/render/${name}`, import.meta.url), 'utf8');

let site: TestServer;
let renderer: PageRenderer;
let core: BotCore;

beforeAll(async () => {
  site = await startServer(routes({ '/': { body: fixture('compliant.html') } }));
  renderer = await createChromiumRenderer();
  // The real checker with a real Chromium, as main.ts wires it when BEIAN_RENDER is set.
  core = await createTestCore((target, options) => checkFooter(target, options, { renderer }));
});
afterAll(async () => {
  await renderer.close();
  await site.close();
});

const blocksOf = (call: { args: Record<string, unknown> } | undefined) =>
  (call?.args.blocks ?? []) as { type: string; slack_file?: { id: string }; alt_text?: string }[];
const fileCalls = (t: TestSlack) =>
  t.api.calls.filter((c) => c.method.startsWith('files.') || c.method.startsWith('upload:'));

describe('/footer-check with BEIAN_RENDER (HTTP mode)', () => {
  let t: TestSlack;
  beforeAll(async () => {
    t = await startTestSlack({ core, env: { BEIAN_ALLOW_PRIVATE_NETWORK: 'true', BEIAN_RENDER: 'true' } });
  });
  afterAll(() => t.stop());

  it('uploads the footer picture (files upload v2) and shows it in the report as an image block', async () => {
    await t.sendCommand('/footer-check', site.url, 'shot');
    const [reply] = await t.api.waitFor('respond:shot', 1, 30_000);
    const image = blocksOf(reply).find((b) => b.type === 'image');
    expect(image?.slack_file).toEqual({ id: 'F0SHOT1' });
    expect(image?.alt_text).toContain(site.url);

    const [asked] = t.api.callsTo('files.getUploadURLExternal');
    const [sent] = t.api.callsTo('upload:F0SHOT1');
    const bytes = sent?.args.bytes as Uint8Array;
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(Number(asked?.args.length)).toBe(bytes.length);
    expect(String(asked?.args.filename)).toMatch(/^footer-127\.0\.0\.1_\d+_\.jpg$/);
    const [completed] = t.api.callsTo('files.completeUploadExternal');
    expect(completed?.args.files).toEqual([{ id: 'F0SHOT1', title: `Footer of ${site.url}` }]);
    // Uploaded privately: the image block shows it, no channel gets a file message.
    expect(completed?.args.channel_id).toBeUndefined();
    // Uploaded before the report was sent.
    expect(completed?.at ?? Infinity).toBeLessThanOrEqual(reply?.at ?? 0);
  }, 40_000);

  it('still sends the report, without a picture, when the upload is refused', async () => {
    t.api.failNext('files.getUploadURLExternal', { status: 200, body: { ok: false, error: 'missing_scope' } });
    await t.sendCommand('/footer-check', site.url, 'shot-refused');
    const [reply] = await t.api.waitFor('respond:shot-refused', 1, 30_000);
    expect(JSON.stringify(blocksOf(reply))).toContain('京ICP备05004398号-1');
    expect(blocksOf(reply).some((b) => b.type === 'image')).toBe(false);
    expect(t.logs.join('\n')).toContain('Uploading the footer picture');
  }, 40_000);
});

describe('/footer-check without BEIAN_RENDER', () => {
  let t: TestSlack;
  beforeAll(async () => {
    t = await startTestSlack({ core, env: { BEIAN_ALLOW_PRIVATE_NETWORK: 'true' } });
  });
  afterAll(() => t.stop());

  it('uploads nothing and shows no picture', async () => {
    await t.sendCommand('/footer-check', site.url, 'no-shot');
    const [reply] = await t.api.waitFor('respond:no-shot', 1, 30_000);
    expect(JSON.stringify(blocksOf(reply))).toContain('京ICP备05004398号-1');
    await sleep(200);
    expect(blocksOf(reply).some((b) => b.type === 'image')).toBe(false);
    expect(fileCalls(t)).toEqual([]);
  }, 40_000);
});
