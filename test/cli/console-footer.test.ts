import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';
import { FIXTURES, runBeian } from './run-beian.js';

const COMPLIANT = `<!doctype html><html><head><meta charset="utf-8"><title>示例</title></head><body>
<main>Hello</main>
<footer style="text-align:center">© 示例科技有限公司
<a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer></body></html>`;
const BARE =
  '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><p>No footer.</p></body></html>';

let server: TestServer;
let home: string;
beforeAll(async () => {
  server = await startServer(
    routes({ '/good/': { body: COMPLIANT }, '/bare/': { body: BARE }, '/gone/': { status: 500, body: 'down' } }),
  );
  home = await mkdtemp(join(tmpdir(), 'beian-console-footer-'));
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  BEIAN_KNOWLEDGE_DIR: join(FIXTURES, 'good'),
  BEIAN_ALLOW_PRIVATE_NETWORK: '1',
  BEIAN_CHECK_TIMEOUT_SECONDS: '5',
  ...extra,
});

describe('the console /footer-check', () => {
  it('checks every target and prints one report per target, in the order given', async () => {
    const stdin = `/footer-check ${server.origin}/good/ ${server.origin}/bare/\n备案号会过期吗\n`;
    const { code, stdout } = await runBeian(['start'], { cwd: home, env: env(), stdin });
    expect(code).toBe(0);
    const good = stdout.indexOf('京ICP备05004398号-1');
    const bare = stdout.indexOf(`${server.origin}/bare/`, good);
    expect(good).toBeGreaterThan(-1);
    expect(bare).toBeGreaterThan(good);
    expect(stdout).toContain('How long is an ICP filing number valid?');
  });

  it('reports a refused private address as a report, and keeps going', async () => {
    const stdin = `/footer-check ${server.origin}/good/\n/help\n`;
    const { code, stdout } = await runBeian(['start'], {
      cwd: home,
      env: env({ BEIAN_ALLOW_PRIVATE_NETWORK: '0' }),
      stdin,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/inconclusive/i);
    expect(stdout).toContain('/topics              what the knowledge base covers');
  });
});
