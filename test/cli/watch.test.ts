import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/serve-pages.js';
import { runBeian } from './run-beian.js';

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
const PASS = page('compliant.html');
const FAIL = page('no-number.html');

/** A loopback site whose page the test swaps; `failNext` serves the failing page for that many requests. */
async function site() {
  const state = { body: PASS, failNext: 0, requests: 0 };
  const server = await startServer((_req, res) => {
    state.requests += 1;
    const body = state.failNext > 0 ? FAIL : state.body;
    if (state.failNext > 0) state.failNext -= 1;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  return { server, state };
}

interface Alert {
  kind: string;
  target: string;
  owner?: string;
  verdictBefore: string | null;
  verdictAfter: string;
  numberBefore: string | null;
  numberAfter: string | null;
  newFindings: { rule: string }[];
  incidentSince: string;
  inconclusiveCount: number;
}

// Each step spawns the real CLI (a second or more under tsx on a busy machine): the steps get room.
describe('beian watch, end to end against loopback sites', { timeout: 90_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-watch-'));
  const env = {
    BEIAN_DATA_DIR: dataDir,
    BEIAN_ALLOW_PRIVATE_NETWORK: '1',
    BEIAN_WATCH_RECHECK_SECONDS: '0.2',
    BEIAN_CHECK_TIMEOUT_SECONDS: '5',
  };
  const beian = (...args: string[]) => runBeian(args, { env });
  let changing: Awaited<ReturnType<typeof site>>;
  let flaky: Awaited<ReturnType<typeof site>>;
  let downUrl: string;
  let servers: TestServer[] = [];

  beforeAll(async () => {
    changing = await site();
    flaky = await site();
    const gone = await startServer(() => undefined);
    downUrl = gone.url;
    await gone.close();
    servers = [changing.server, flaky.server];
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const alertsOf = (stdout: string): Alert[] =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Alert);

  it('imports the list, then alerts pass → fail → pass, holds back a flaky failure, and reports a site that is down', async () => {
    const csv = join(dataDir, 'sites.csv');
    writeFileSync(
      csv,
      `target,expect,owner,every\n${changing.server.url},京ICP备05004398号-1,@alice,1h\n${flaky.server.url},,,1h\n${downUrl},,U0123ABCD,\n`,
    );
    const imported = await beian('watch', 'import', csv);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('Imported 3 watch(es): 3 new, 0 updated.\n');

    const first = await beian('watch', 'run', '--json');
    expect(first.code).toBe(0);
    expect(alertsOf(first.stdout)).toEqual([]);
    expect(first.stderr).toContain('Checked 3 site(s): 0 alert(s), 0 re-check(s).');

    changing.state.body = FAIL;
    flaky.state.failNext = 1;
    const second = await beian('watch', 'run', '--json');
    const regression = alertsOf(second.stdout);
    expect(regression.map((a) => [a.kind, a.target, a.owner, a.verdictBefore, a.verdictAfter])).toEqual([
      ['regression', changing.server.url, '@alice', 'pass', 'fail'],
    ]);
    expect(regression[0]?.numberBefore).toBe('京ICP备05004398号-1');
    expect(regression[0]?.numberAfter).toBeNull();
    expect(regression[0]?.newFindings.map((f) => f.rule)).toContain('icp-number');
    // Two held back for a re-check: the broken site (confirmed) and the flaky one (passed the second time).
    expect(second.stderr).toContain('Checked 5 site(s): 1 alert(s), 2 re-check(s).');

    changing.state.body = PASS;
    const third = await beian('watch', 'run', '--json');
    const kinds = alertsOf(third.stdout).map((a) => [a.kind, a.target]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['recovery', changing.server.url],
        ['unreachable', downUrl],
      ]),
    );
    expect(kinds).toHaveLength(2);
    const down = alertsOf(third.stdout).find((a) => a.kind === 'unreachable');
    expect(down?.inconclusiveCount).toBe(3);
    const recovery = alertsOf(third.stdout).find((a) => a.kind === 'recovery');
    expect(recovery?.incidentSince).toBe(regression[0]?.incidentSince);
  });

  it('shows the timeline with `watch history`, re-checks marked', async () => {
    const history = await beian('watch', 'history', changing.server.url, '--json');
    const runs = history.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { verdict: string; recheck: boolean });
    expect(runs.map((r) => [r.verdict, r.recheck])).toEqual([
      ['pass', false],
      ['fail', false],
      ['fail', true],
      ['pass', false],
    ]);
    const text = await beian('watch', 'history', flaky.server.url);
    expect(text.stdout).toMatch(/pass.*\n.*fail[\s\S]*pass.*\(re-check\)/);
  });

  it('prints alerts as text without --json, naming what changed', async () => {
    changing.state.body = FAIL;
    const run = await beian('watch', 'run');
    expect(run.stdout).toContain(`[regression] ${changing.server.url} (owner @alice) got worse: pass → fail`);
    expect(run.stdout).toMatch(/ {2}error icp-number: /);
    changing.state.body = PASS;
  });

  it('lists, exports (CSV that imports back, and JSON), mutes and removes', async () => {
    const list = await beian('watch', 'list');
    expect(list.stdout.split('\n')[0]).toMatch(/^TARGET\s+EVERY\s+VERDICT\s+LAST CHECKED\s+NEXT DUE\s+OWNER/);
    expect(list.stdout).toContain(downUrl);
    const csv = await beian('watch', 'export');
    expect(csv.stdout.split('\n')[0]).toBe('target,expect,owner,every');
    expect(csv.stdout).toContain(`${changing.server.url},京ICP备05004398号-1,@alice,1h`);
    const json = JSON.parse((await beian('watch', 'export', '--format', 'json')).stdout) as { target: string }[];
    expect(json.map((w) => w.target).sort()).toEqual([changing.server.url, flaky.server.url, downUrl].sort());

    const otherDir = mkdtempSync(join(tmpdir(), 'beian-watch-copy-'));
    try {
      const copy = join(otherDir, 'copy.csv');
      writeFileSync(copy, csv.stdout);
      const back = await runBeian(['watch', 'import', copy], { env: { ...env, BEIAN_DATA_DIR: otherDir } });
      expect(back.stdout).toBe('Imported 3 watch(es): 3 new, 0 updated.\n');
      const again = await runBeian(['watch', 'export'], { env: { ...env, BEIAN_DATA_DIR: otherDir } });
      expect(again.stdout).toBe(csv.stdout);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }

    const muted = await beian('watch', 'mute', downUrl, '--for', '1d');
    expect(muted.stdout).toMatch(/^No alerts for .* until \d{4}-/);
    const removed = await beian('watch', 'remove', flaky.server.url);
    expect(removed.stdout).toBe(`Stopped watching ${flaky.server.url}.\n`);
    const gone = await beian('watch', 'history', flaky.server.url);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('is not watched');
  });
});

describe('beian watch, bad input', { timeout: 30_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-watch-bad-'));
  const env = { BEIAN_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [['watch', 'add', 'not a site'], 'Cannot check "not a site": it contains a space'],
    [['watch', 'add', 'a.cn', '--every', '10s'], '--every: "10s" is too often; the shortest interval is 1m'],
    [['watch', 'add', 'a.cn', '--every', 'daily'], '--every: "daily" is not an interval'],
    [['watch', 'add', 'a.cn', '--expect', '12345'], '--expect: "12345" is not an ICP number'],
    [['watch', 'add', 'a.cn', '--owner', 'alice'], '--owner: "alice" is not an owner'],
    [['watch', 'remove', 'nobody.cn'], 'nobody.cn is not watched'],
    [['watch', 'export', '--format', 'xml'], '--format must be csv or json, not "xml"'],
    [['watch', 'history', 'a.cn', '--limit', '0'], '--limit must be a whole number from 1 to 100000'],
    [['watch', 'import', 'no-such-file.csv'], 'no-such-file.csv: no such file'],
  ])('beian %j says what is wrong, with exit status 2', async (args, message) => {
    const run = await runBeian(args, { env });
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });

  it('adds a site, and adding it again changes only what was given', async () => {
    const first = await runBeian(['watch', 'add', 'Keep.CN', '--expect', '京ICP备05004398号-1', '--owner', '@alice'], {
      env,
    });
    expect(first.stdout).toMatch(
      /^Watching keep\.cn \(every 1d, expecting 京ICP备05004398号-1, owner @alice\); first check due /,
    );
    const again = await runBeian(['watch', 'add', 'keep.cn', '--every', '6h'], { env });
    expect(again.stdout).toBe('Updated keep.cn: every 6h, expecting 京ICP备05004398号-1, owner @alice.\n');
    await runBeian(['watch', 'remove', 'keep.cn'], { env });
  });

  it('imports nothing from a CSV with bad lines, naming each line', async () => {
    const csv = join(dataDir, 'bad.csv');
    writeFileSync(csv, 'target,expect,owner,every\ngood.cn,,,1d\nbad.cn,,,fortnightly\n,,,\nalso-good.cn\nx y\n');
    const run = await runBeian(['watch', 'import', csv], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${csv} has 3 problem(s); nothing was imported:`);
    expect(run.stderr).toContain(`${csv}:3: "fortnightly" is not an interval`);
    expect(run.stderr).toContain(`${csv}:4: no target`);
    expect(run.stderr).toContain(`${csv}:6: Cannot check "x y"`);
    const list = await runBeian(['watch', 'list'], { env });
    expect(list.stdout).toBe('No sites are watched. Add one with `beian watch add example.cn`.\n');
  });
});
