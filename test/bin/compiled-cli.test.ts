import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isBuildFresh } from '../../bin/build-freshness.js';
import { FIXTURES, ROOT, runBeian } from '../cli/run-beian.js';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';

const COMPLIANT = `<!doctype html><html><head><meta charset="utf-8"><title>示例</title></head><body>
<main>Hello</main>
<footer style="text-align:center">© 示例科技有限公司
<a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer></body></html>`;

let server: TestServer;
let home: string;
beforeAll(async () => {
  // As `npm ci` and `npm test` leave it; a no-op when dist/ is fresh already.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.js')], { encoding: 'utf8', timeout: 110_000 });
  expect(build.status, build.stderr).toBe(0);
  server = await startServer(routes({ '/good/': { body: COMPLIANT } }));
  home = await mkdtemp(join(tmpdir(), 'beian-compiled-'));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(home, { recursive: true, force: true });
});

// The console's footer checks run in the analysis worker pool, so this fails when the compiled worker
// (dist/core/footer/analyse/analyse-worker.js) cannot start: the page would come back inconclusive, its number unread.
it('the compiled CLI (dist/) answers a question and checks a loopback page through the analysis worker', async () => {
  expect(isBuildFresh(ROOT)).toBe(true);
  const { code, stdout } = await runBeian(['start'], {
    cwd: home,
    env: {
      BEIAN_KNOWLEDGE_DIR: join(FIXTURES, 'good'),
      BEIAN_ALLOW_PRIVATE_NETWORK: '1',
      BEIAN_CHECK_TIMEOUT_SECONDS: '5',
    },
    stdin: `/footer-check ${server.origin}/good/\n备案号会过期吗\n`,
  });
  // Still fresh afterwards, so the run above was the compiled one, not the sources through tsx.
  expect(isBuildFresh(ROOT)).toBe(true);
  expect(code).toBe(0);
  expect(stdout).toContain('京ICP备05004398号-1');
  expect(stdout).not.toMatch(/inconclusive/i);
  expect(stdout).toContain('How long is an ICP filing number valid?');
});
