import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotFileName } from '../../src/cli/check-action.js';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';
import { runBeian } from './run-beian.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/render/${name}`, import.meta.url), 'utf8');

describe.each([
  ['example.cn', 0, '01-example.cn.jpg'],
  ['https://www.example.cn/path?q=1', 1, '02-www.example.cn_path_q_1.jpg'],
  ['../../etc/passwd', 2, '03-etc_passwd.jpg'],
  ['中文.cn', 9, '10-cn.jpg'],
  ['///', 3, '04-site.jpg'],
])('screenshotFileName(%j, %i)', (target, index, expected) => {
  it(`is ${expected}`, () => {
    expect(screenshotFileName(target, index)).toBe(expected);
  });
});

// Starting Chromium and the CLI from sources takes 10–15 s on a loaded two-core machine.
const RENDER_RUN_MS = 50_000;

describe('beian check --render --screenshot DIR', () => {
  let site: TestServer;
  let dir: string;
  let shotName: string;
  beforeAll(async () => {
    site = await startServer(routes({ '/': { body: fixture('compliant.html') } }));
    shotName = `01-127.0.0.1_${site.port}.jpg`;
    dir = mkdtempSync(join(tmpdir(), 'beian-shots-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a JPEG of the footer per target and names it in the JSON line', async () => {
    const out = join(dir, 'new-folder');
    const run = await runBeian(
      ['check', '--json', '--render', '--screenshot', out, '--allow-private-network', site.url],
      {
        killAfterMs: RENDER_RUN_MS,
      },
    );
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as { screenshotFile: string; rendered: boolean };
    expect(line.rendered).toBe(true);
    expect(readdirSync(out)).toEqual([shotName]);
    expect(line.screenshotFile).toBe(join(out, shotName));
    expect([...readFileSync(line.screenshotFile).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // The picture's bytes never reach the JSON line.
    expect(run.stdout).not.toContain('"bytes"');
  }, 60_000);

  it('says where the picture is in the text report', async () => {
    const run = await runBeian(['check', '--render', '--screenshot', dir, '--allow-private-network', site.url], {
      killAfterMs: RENDER_RUN_MS,
    });
    expect(run.stdout).toContain(`Screenshot: ${join(dir, shotName)}`);
  }, 60_000);

  it('refuses --screenshot without --render, saying why', async () => {
    const run = await runBeian(['check', '--screenshot', dir, site.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--screenshot needs --render');
  });

  it('refuses a folder it cannot write to, naming it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const run = await runBeian(['check', '--render', '--screenshot', join(file, 'sub'), site.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--screenshot: cannot write to ${join(file, 'sub')}`);
  });
});
