import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportPrinter, exitStatus, type ReportPrinter } from '../../src/cli/check-action.js';
import { noVerdicts, type VerdictCounts } from '../../src/cli/format-footer-report.js';
import type { FooterReport, Verdict } from '../../src/core/footer/types.js';
import { routes, startServer, type TestServer } from '../helpers/serve-pages.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/render/${name}`, import.meta.url), 'utf8');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any BEIAN_ or SLACK_ setting, so the defaults under test are the built-in ones. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('BEIAN_') && !name.startsWith('SLACK_')) env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; onLine?: (line: string) => void } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/beian.js', 'check', ...args], {
      cwd: root,
      env: cleanEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        options.onLine?.(pending.slice(0, end));
        pending = pending.slice(end + 1);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

// Screen clear, OSC 52 clipboard write, a carriage return forging a verdict, a bidi override, 8-bit CSI, DEL.
const EVIL = '\u001b[2J\u001b]52;c;ZXZpbA==\u0007\r✅ pass \u202Egnp.exe\u009b31m\u007f';
const HOSTILE_PAGE = `<html><body><main>hi</main><footer><p>© 2024 北京${EVIL}科技有限公司</p>
<a href="https://beian.miit.gov.cn/${EVIL}">京ICP备05004398号-1 ${EVIL}</a>
<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010802044671${EVIL}">京公网安备11010802044671号${EVIL}</a>
<span>沪ICP备12345678号${EVIL}</span></footer></body></html>`;
// Any control or format character within a line (the newlines between lines are ours).
const hasControl = (text: string) => text.split('\n').some((line) => /[\p{Cc}\p{Cf}]/u.test(line));

const jsonLines = (run: CliRun): FooterReport[] =>
  run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FooterReport);

// Tests that run the CLI twice get 40 s: on a loaded two-core machine one start of the CLI alone takes 5–7 s.
describe('beian check', () => {
  let site: TestServer;
  const url = (path: string) => `${site.origin}${path}`;

  beforeAll(async () => {
    site = await startServer(
      routes({
        '/': { body: fixture('compliant.html') },
        '/compliant.html': { body: fixture('compliant.html') },
        '/no-number.html': { body: fixture('no-number.html') },
        '/spa.html': { body: fixture('spa-footer.html') },
        '/hostile.html': { body: HOSTILE_PAGE },
        '/gongan.png': { headers: { 'content-type': 'image/png' }, body: Buffer.alloc(16) },
      }),
    );
  });

  afterAll(async () => {
    await site?.close();
  });

  it('prints a readable report with the verdict, the numbers, the MIIT query page and a summary', async () => {
    const run = await runCli(['--allow-private-network', url('/compliant.html')]);
    expect(run.stdout).toContain(url('/compliant.html'));
    expect(run.stdout).toMatch(/✅ pass|⚠️ warn/);
    expect(run.stdout).toContain('京ICP备05004398号-1 → https://beian.miit.gov.cn/');
    expect(run.stdout).toContain('京公网安备11010802044671号');
    expect(run.stdout).toContain('Look it up: https://beian.miit.gov.cn/');
    expect(run.stdout).toMatch(/1 checked: [01] pass, [01] warn, 0 fail, 0 inconclusive\n$/);
    expect(run.code).toBe(0);
  });

  it('prints one JSON object a line with the contract fields, and the summary on stderr', async () => {
    const run = await runCli(['--json', '--allow-private-network', url('/compliant.html'), url('/no-number.html')]);
    const [good, bad] = jsonLines(run);
    expect(Object.keys(good ?? {})).toEqual([
      'target',
      'url',
      'finalUrl',
      'verdict',
      'icp',
      'publicSecurity',
      'findings',
      'redirects',
      'otherNumbers',
      'rendered',
    ]);
    expect(good?.icp).toMatchObject({ number: '京ICP备05004398号-1', kind: '备', province: '京' });
    expect(good?.publicSecurity).toMatchObject({ code: '11010802044671' });
    expect(bad).toMatchObject({ target: url('/no-number.html'), verdict: 'fail', icp: null });
    expect(bad?.findings.some((f) => f.rule === 'icp-number' && f.severity === 'error')).toBe(true);
    expect(run.stderr).toContain('2 checked:');
    expect(run.code).toBe(1);
  });

  it('keeps input order, streams each line once those before it are done, and does not wait on a slow site', async () => {
    let sawFirstLine = false;
    const fastDone = new Set<string>();
    let releasedBy = '';
    let release: (by: string) => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = (by) => {
        releasedBy ||= by;
        resolve();
      };
    });
    const maybeRelease = () => sawFirstLine && fastDone.size === 2 && release('events');
    const serve = routes({ '/': { body: fixture('compliant.html') } });
    const fast = await startServer((req, res) => {
      res.on('finish', () => {
        fastDone.add(req.headers.host ?? '');
        maybeRelease();
      });
      serve(req, res);
    });
    const fast2 = await startServer((req, res) => {
      res.on('finish', () => {
        fastDone.add(req.headers.host ?? '');
        maybeRelease();
      });
      serve(req, res);
    });
    // The slow site answers only after the others have been served and the first line printed, so a
    // command that checks one at a time, or holds lines back, falls through to the 8 s fallback.
    const slow = await startServer((req, res) => {
      const fallback = setTimeout(() => release('fallback'), 8_000);
      void released.then(() => {
        clearTimeout(fallback);
        serve(req, res);
      });
    });
    try {
      const targets = [url('/compliant.html'), slow.url, fast.url, fast2.url];
      const run = await runCli(['--json', '--allow-private-network', '--concurrency', '4', ...targets], {
        onLine: () => {
          sawFirstLine = true;
          maybeRelease();
        },
      });
      expect(jsonLines(run).map((r) => r.target)).toEqual(targets);
      expect(releasedBy).toBe('events');
      expect(run.code).toBe(0);
    } finally {
      await Promise.all([fast.close(), fast2.close(), slow.close()]);
    }
  });

  it('reads targets from --file, skipping blank lines and # comments, after the arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-check-'));
    try {
      const file = join(dir, 'targets.txt');
      writeFileSync(
        file,
        `# our sites\n\n${url('/no-number.html')}   # the blog\n  \n# ${url('/spa.html')}\n${url('/')}\n`,
      );
      const run = await runCli(['--json', '--allow-private-network', '--file', file, url('/compliant.html')]);
      expect(jsonLines(run).map((r) => r.target)).toEqual([url('/compliant.html'), url('/no-number.html'), url('/')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes --expect and --max-bytes to the check', async () => {
    const expectRun = await runCli([
      '--json',
      '--allow-private-network',
      '--expect',
      '京ICP备05004398号-1',
      url('/compliant.html'),
      url('/no-number.html'),
    ]);
    const [shown, missing] = jsonLines(expectRun);
    expect(shown?.findings.filter((f) => f.rule === 'expected-number' && f.severity === 'error')).toEqual([]);
    expect(missing?.findings.some((f) => f.rule === 'expected-number' && f.severity === 'error')).toBe(true);

    const capped = await runCli(['--json', '--allow-private-network', '--max-bytes', '200', url('/compliant.html')]);
    expect(jsonLines(capped)[0]?.verdict).toBe('inconclusive');
    expect(capped.code).toBe(3);
  }, 40_000);

  it('reads targets from stdin with --file -', async () => {
    const run = await runCli(['--json', '--allow-private-network', '--file', '-'], {
      stdin: `${url('/compliant.html')}\n# nothing else\n`,
    });
    expect(jsonLines(run).map((r) => r.target)).toEqual([url('/compliant.html')]);
  });

  it('refuses a private target without --allow-private-network: inconclusive, exit 3, saying why', async () => {
    const run = await runCli(['--json', site.url]);
    const [report] = jsonLines(run);
    expect(report?.verdict).toBe('inconclusive');
    const page = report?.findings.find((f) => f.rule === 'page');
    expect(page?.message).toContain('--allow-private-network');
    expect(run.code).toBe(3);
  });

  it('takes --allow-private-network from BEIAN_ALLOW_PRIVATE_NETWORK', async () => {
    const run = await runCli(['--json', url('/compliant.html')], { env: { BEIAN_ALLOW_PRIVATE_NETWORK: '1' } });
    expect(jsonLines(run)[0]?.verdict).not.toBe('inconclusive');
  });

  it.each([
    ['no targets', []],
    ['a timeout that is not a number', ['--timeout', 'soon', 'example.com']],
    ['a zero concurrency', ['--concurrency', '0', 'example.com']],
    ['an --expect that is not an ICP number', ['--expect', '京公网安备11010802044671号', 'example.com']],
    ['a --file that does not exist', ['--file', '/nonexistent/targets.txt']],
    ['a --file that is a directory', ['--file', tmpdir()]],
    ['a --file of binary data (/dev/zero)', ['--file', '/dev/zero']],
  ])('exits 2 with one line on stderr for a usage error: %s', async (_name, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^(beian: |error: )/);
  });

  it('refuses a binary --file at once, naming the file and the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-check-'));
    try {
      const file = join(dir, 'targets.txt');
      writeFileSync(file, Buffer.concat([Buffer.from(`${url('/')}\n`), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])]));
      const run = await runCli(['--allow-private-network', '--file', file]);
      expect(run.stderr).toBe(
        `beian: --file ${file}, line 2: binary data (a NUL byte); the list must be text, one domain or URL a line\n`,
      );
      expect(run.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints text the page controls inert: no escape sequence, clipboard write or forged line reaches the terminal', async () => {
    const readable = await runCli(['--allow-private-network', url('/hostile.html')]);
    expect(hasControl(readable.stdout)).toBe(false);
    expect(readable.stdout).toContain(
      '[U+001B][2J[U+001B]]52;c;ZXZpbA==[U+0007][U+000D]✅ pass [U+202E]gnp.exe[U+009B]',
    );
    const json = await runCli(['--json', '--allow-private-network', url('/hostile.html')]);
    expect(hasControl(json.stdout)).toBe(false);
    // The same text for a program that parses the line.
    expect(jsonLines(json)[0]?.icp?.href).toBe(`https://beian.miit.gov.cn/${EVIL}`);
  }, 40_000);

  it('exits 3 when a target is inconclusive and none failed, 1 when one also failed', async () => {
    const unreachable = 'http://127.0.0.1:1/';
    const inconclusive = await runCli(['--json', '--allow-private-network', url('/compliant.html'), unreachable]);
    expect(jsonLines(inconclusive).map((r) => r.verdict)).toEqual([expect.stringMatching(/pass|warn/), 'inconclusive']);
    expect(inconclusive.code).toBe(3);
    const failed = await runCli(['--json', '--allow-private-network', unreachable, url('/no-number.html')]);
    expect(failed.code).toBe(1);
  }, 40_000);

  it('exits as soon as a decompression bomb is cut at the cap, before its 10 s idle timer would', async () => {
    // Many gzip members: ~1 MB on the wire, 1 GB decoded, so the response still holds unread chunks at the cut.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, ' '));
    const bomb = await startServer(
      routes({ '/': { headers: { 'content-encoding': 'gzip' }, body: Buffer.concat(Array(64).fill(member)) } }),
    );
    try {
      let reportedAt = 0;
      const run = await runCli(['--json', '--allow-private-network', bomb.url], {
        onLine: () => {
          reportedAt ||= Date.now();
        },
      });
      expect(jsonLines(run)[0]?.findings[0]?.message).toContain('limit');
      expect(Date.now() - reportedAt).toBeLessThan(8_000);
    } finally {
      await bomb.close();
    }
  }, 40_000);

  it('judges a script-drawn footer only when asked to --render', async () => {
    const plain = await runCli(['--json', '--allow-private-network', url('/spa.html')]);
    expect(jsonLines(plain)[0]).toMatchObject({ verdict: 'inconclusive', rendered: false });

    const rendered = await runCli(['--json', '--render', '--allow-private-network', url('/spa.html')]);
    const [report] = jsonLines(rendered);
    expect(report).toMatchObject({ rendered: true, icp: { number: '京ICP备05004398号-1' } });
    expect(['pass', 'warn']).toContain(report?.verdict);
    expect(rendered.code).toBe(0);
  }, 40_000);
});

describe('beian check --render on SIGINT', () => {
  // A check of a page that never answers, so it is still running when interrupted.
  async function withHangingCheck(run: (child: ChildProcess) => Promise<void>): Promise<void> {
    const hanging = await startServer(() => undefined);
    const child = spawn(
      process.execPath,
      ['bin/beian.js', 'check', '--render', '--allow-private-network', '--timeout', '60', hanging.url],
      { cwd: root, env: cleanEnv(), stdio: 'ignore' },
    );
    try {
      await run(child);
    } finally {
      child.kill('SIGKILL');
      await hanging.close();
    }
  }
  const interrupt = (child: ChildProcess): Promise<number | null> => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    return exited;
  };
  // Chromium's helper processes go a moment after the browser process: give them a few seconds.
  const leftOf = (probe: () => string[]) => waitFor(probe, 10_000, (alive) => alive.length === 0);

  it('closes the browser and exits 130', () =>
    withHangingCheck(async (child) => {
      const browsers = await waitFor(() => descendants(child.pid ?? -1).filter(isChromium), 30_000);
      expect(browsers.length).toBeGreaterThan(0);
      expect(await interrupt(child)).toBe(130);
      expect(await leftOf(() => browsers.filter(isAlive))).toEqual([]);
    }));

  it('closes a browser still starting once it is up, and exits 130', () =>
    withHangingCheck(async (child) => {
      // The first Chromium process appears before the launch returns: interrupt at once.
      const profileOf = (pid: string) => /--user-data-dir=([^\0]+)/.exec(readProc(pid, 'cmdline'))?.[1];
      const browsers = await waitFor(
        () => descendants(child.pid ?? -1).filter((pid) => isChromium(pid) && profileOf(pid) !== undefined),
        30_000,
        undefined,
        5,
      );
      expect(browsers.length).toBeGreaterThan(0);
      // Helpers started after the interrupt are never seen, and orphans leave the tree: look for any process of this
      // browser's profile directory instead.
      const profile = profileOf(browsers[0] ?? '');
      expect(await interrupt(child)).toBe(130);
      const ofProfile = () => processIds().filter((pid) => readProc(pid, 'cmdline').includes(profile ?? '?'));
      expect(await leftOf(() => ofProfile().filter(isAlive))).toEqual([]);
    }));
});

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Every live process below `pid` (children, grandchildren, …). */
function descendants(pid: number): string[] {
  const parentOf = new Map<string, string>();
  for (const entry of processIds()) {
    // The parent pid is the 2nd field after the parenthesised command name.
    const stat = readProc(entry, 'stat');
    const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (ppid) parentOf.set(entry, ppid);
  }
  const found: string[] = [];
  const below = new Set([String(pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (below.has(parent) && !below.has(child)) {
        below.add(child);
        found.push(child);
        grew = true;
      }
    }
  }
  return found;
}

const isChromium = (pid: string) => readProc(pid, 'cmdline').includes('chromium');

/** Every process id in /proc. */
const processIds = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));

/** Alive and not a zombie waiting to be reaped. */
const isAlive = (pid: string) => {
  const stat = readProc(pid, 'stat');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
};

async function waitFor<T extends unknown[]>(
  probe: () => T,
  limitMs: number,
  done: (found: T) => boolean = (found) => found.length > 0,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const found = probe();
    if (done(found) || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

describe('exitStatus', () => {
  it.each<[string, number, Partial<VerdictCounts>]>([
    ['all passed or warned', 0, { pass: 2, warn: 1 }],
    ['one failed', 1, { pass: 1, fail: 1, warn: 1 }],
    ['a failure beats an inconclusive', 1, { inconclusive: 1, fail: 1 }],
    ['inconclusive and none failed', 3, { pass: 1, inconclusive: 1 }],
  ])('%s → %i', (_name, status, counts) => {
    expect(exitStatus({ ...noVerdicts(), ...counts })).toBe(status);
  });
});

describe('createReportPrinter', () => {
  const reportOf = (target: string, verdict: Verdict): FooterReport => ({
    target,
    url: null,
    finalUrl: null,
    verdict,
    icp: null,
    publicSecurity: null,
    findings: [],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  });

  it('prints reports in input order as soon as those before them are out, each once, and counts verdicts', () => {
    const printed: string[] = [];
    const printer = createReportPrinter((report, index) => printed.push(`${index}:${report.target}`));
    printer.put(1, reportOf('b', 'fail'));
    printer.put(2, reportOf('c', 'pass'));
    expect(printed).toEqual([]);
    printer.put(0, reportOf('a', 'pass'));
    expect(printed).toEqual(['0:a', '1:b', '2:c']);
    printer.put(3, reportOf('d', 'inconclusive'));
    expect(printed).toEqual(['0:a', '1:b', '2:c', '3:d']);
    expect(printer.counts()).toEqual({ pass: 2, warn: 0, fail: 1, inconclusive: 1 });
  });

  describe('memory', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // A WeakRef made in this job keeps its target alive until the job ends.
    const collect = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    };
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;

    // Outside the async tests, so no local of theirs keeps a report or a page alive across an await.
    const putEach = (printer: ReportPrinter, indexes: number[]) =>
      indexes.map((index) => {
        const report = reportOf(`site-${index}.example`, 'warn');
        printer.put(index, report);
        return new WeakRef(report);
      });
    const putSlicesOfPage = (printer: ReportPrinter, index: number) => {
      // One flat 64 MB page; the report's strings are slices of it, as strings read from a page are.
      const html = '<p>'.repeat(22 * 1024 * 1024).slice(1);
      const report = reportOf(html.slice(1000, 1040), 'warn');
      report.icp = { number: html.slice(2000, 2030), kind: '备', province: '京', href: html.slice(3000, 3100) };
      report.findings.push({ rule: 'icp-link', severity: 'warning', message: html.slice(4000, 4200) });
      printer.put(index, report);
    };

    it('keeps no report once it is printed', async () => {
      const printer = createReportPrinter(() => undefined);
      const refs = putEach(printer, [2, 0, 1, 3]);
      await collect();
      expect(refs.filter((ref) => ref.deref() !== undefined)).toEqual([]);
      expect(printer.counts().warn).toBe(4);
    });

    it("lets the page of a report that waits its turn go: it keeps copies, not slices of the page's HTML", async () => {
      const printer = createReportPrinter(() => undefined);
      await collect();
      const before = used();
      putSlicesOfPage(printer, 1); // waits for report 0
      await collect();
      expect(used() - before).toBeLessThan(16 * 1024 * 1024);
      printer.put(0, reportOf('first.example', 'pass'));
      expect(printer.counts()).toEqual({ pass: 1, warn: 1, fail: 0, inconclusive: 0 });
    });
  });
});
