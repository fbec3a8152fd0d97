import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>示例</title></head>
<body><main>欢迎</main><footer>© 2026 示例科技有限公司
<a href="https://beian.miit.gov.cn/" target="_blank">京ICP备05004398号-1</a></footer></body></html>`;

let pages: Server;
let pageUrl: string;
let pageHits = 0;

beforeAll(async () => {
  pages = createServer((_req, res) => {
    pageHits += 1;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

const blocksOf = (call: { args: Record<string, unknown> } | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe('/footer-check with the real footer checker', () => {
  describe('when private networks are allowed', () => {
    let t: TestSlack;
    beforeAll(async () => {
      t = await startTestSlack({ env: { BEIAN_ALLOW_PRIVATE_NETWORK: 'true' } });
    });
    afterAll(() => t.stop());

    it('acknowledges at once and reports the number found on a loopback page', async () => {
      const res = await t.sendCommand('/footer-check', pageUrl, 'real-ok');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Checking');
      const [reply] = await t.api.waitFor('respond:real-ok', 1, 15_000);
      const blocks = blocksOf(reply);
      expect(blocks).toContain('京ICP备05004398号-1');
      expect(blocks).toContain('https://beian.miit.gov.cn/');
      expect(pageHits).toBeGreaterThan(0);
    });
  });

  describe('by default', () => {
    let t: TestSlack;
    beforeAll(async () => {
      t = await startTestSlack();
    });
    afterAll(() => t.stop());

    it('refuses a loopback target, saying why, without fetching it', async () => {
      const before = pageHits;
      await t.sendCommand('/footer-check', pageUrl, 'real-refused');
      const [reply] = await t.api.waitFor('respond:real-refused', 1, 15_000);
      const blocks = blocksOf(reply);
      expect(blocks).toContain('❔ Could not check');
      expect(blocks).toMatch(/❌ [^"]*(loopback|private|public)/i);
      expect(pageHits).toBe(before);
    });
  });
});
