import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/serve-pages.js';
import { createTestDatabase, type TestDatabase } from '../store/helpers/databases.js';
import { type BeianRun, BIN, cleanEnv, ROOT, runBeian } from './run-beian.js';

const COMPLIANT = readFileSync(new URL('../fixtures/pages/compliant.html', import.meta.url));
const NO_NUMBER = Buffer.from(
  '<!doctype html><html><body><main>Hello</main><footer>© 2024 Example</footer></body></html>',
);

/** A page server that counts requests and the most it ever served at once. */
interface CountingServer extends TestServer {
  requests: number;
  maxInFlight: number;
  starts: number[];
}

async function countingServer(delayMs: number): Promise<CountingServer> {
  let inFlight = 0;
  const counts = { requests: 0, maxInFlight: 0, starts: [] as number[] };
  const server = await startServer((req: IncomingMessage, res: ServerResponse) => {
    counts.requests += 1;
    counts.starts.push(Date.now());
    inFlight += 1;
    counts.maxInFlight = Math.max(counts.maxInFlight, inFlight);
    const body = req.url?.startsWith('/bad/') ? NO_NUMBER : COMPLIANT;
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    }, delayMs);
  });
  return Object.assign(counts, server);
}

/** A `beian` process left running (a worker, or `check --queue --wait`), stopped by the test. */
interface RunningBeian {
  exited: Promise<BeianRun>;
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
}

function startBeian(args: readonly string[], env: Record<string, string>, limitMs = 120_000): RunningBeian {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const exited = new Promise<BeianRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  child.stdin.end();
  return { exited, stderr: () => stderr, kill: (signal) => child.kill(signal) };
}

async function until(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lines = (run: BeianRun) =>
  run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { target: string; verdict: string; findings: { message: string }[] });

describe('beian check --queue without DATABASE_URL', () => {
  it.each([
    [['check', '--queue', 'targets.txt'], '--queue needs DATABASE_URL'],
    [['worker'], 'beian worker needs DATABASE_URL'],
    [['queue', 'status'], 'beian queue status needs DATABASE_URL'],
  ])('%j says it needs a database and that --file runs in-process', async (args, message) => {
    const run = await runBeian(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('beian check --file FILE');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('footer checks on the job queue (PostgreSQL)', () => {
  let database: TestDatabase;
  let dir: string;
  const servers: CountingServer[] = [];
  const running: RunningBeian[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: database.url,
    BEIAN_PRIVATE_NETWORK_ALLOW: '127.0.0.1',
    BEIAN_HOST_INTERVAL_SECONDS: '0',
    BEIAN_DATA_DIR: dir,
    ...extra,
  });
  const serve = async (delayMs: number) => {
    const server = await countingServer(delayMs);
    servers.push(server);
    return server;
  };
  const worker = (extra: Record<string, string> = {}, args: string[] = []) => {
    const run = startBeian(['worker', ...args], env(extra));
    running.push(run);
    return run;
  };
  const list = (name: string, targets: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, `${targets.join('\n')}\n`);
    return file;
  };
  const status = async () => {
    const run = await runBeian(['queue', 'status', '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Record<string, number>;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'beian-queue-'));
  });
  afterEach(async () => {
    for (const run of running.splice(0)) run.kill('SIGKILL');
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await database?.drop();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two workers check the list; --wait prints every result in input order; one request at a time per host', async () => {
    database = await createTestDatabase();
    const hosts = await Promise.all([serve(30), serve(30), serve(30)]);
    const targets = Array.from({ length: 24 }, (_, i) => `${hosts[i % 3]?.origin}/${i % 4 === 3 ? 'bad' : 'ok'}/${i}/`);
    const waiting = startBeian(['check', '--queue', list('list.txt', targets), '--wait'], env());
    running.push(waiting);
    worker({}, ['--concurrency', '4']);
    worker({}, ['--concurrency', '4']);
    const run = await waiting.exited;
    expect(run.code, run.stderr).toBe(1);
    const results = lines(run);
    expect(results.map((r) => r.target)).toEqual(targets);
    expect(results.map((r) => r.verdict)).toEqual(targets.map((t) => (t.includes('/bad/') ? 'fail' : 'pass')));
    expect(run.stderr).toContain('24 checked: 18 pass, 0 warn, 6 fail, 0 inconclusive');
    // Politeness at the server: never two requests at once to one host; a fail verdict is not asked again.
    expect(hosts.map((h) => h.maxInFlight)).toEqual([1, 1, 1]);
    expect(hosts.map((h) => h.requests)).toEqual([8, 8, 8]);
    expect(await status()).toEqual({ queued: 0, retrying: 0, active: 0, done: 24, dead: 0 });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select count(*)::int as n from footer_checks where user_id = 'beian-queue' and verdict = 'fail'",
      );
      expect(rows[0].n).toBe(6);
    } finally {
      await client.end();
    }
  }, 240_000);

  it('keeps the per-host rate limit across workers', async () => {
    database = await createTestDatabase();
    const host = await serve(0);
    const targets = Array.from({ length: 4 }, (_, i) => `${host.origin}/ok/${i}/`);
    const waiting = startBeian(['check', '--queue', list('rate.txt', targets), '--wait'], env());
    running.push(waiting);
    worker({ BEIAN_HOST_INTERVAL_SECONDS: '0.4' });
    worker({ BEIAN_HOST_INTERVAL_SECONDS: '0.4' });
    const run = await waiting.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(host.requests).toBe(4);
    const gaps = host.starts.slice(1).map((at, i) => at - (host.starts[i] ?? 0));
    // Each check's host is given back with its interval counted from then, after its request ended; the server's
    // clock sees the starts a little later or earlier than the workers' own.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(350);
  }, 240_000);

  it('retries a refused connection with backoff, then puts it on the dead-letter list; a verdict is not retried', async () => {
    database = await createTestDatabase();
    // Port 1 on loopback: nothing listens there, and unlike a just-closed ephemeral port no parallel test's
    // server can be handed it, so the connection is refused on every attempt.
    const refused = 'http://127.0.0.1:1';
    const host = await serve(0);
    const targets = [`${refused}/`, `${host.origin}/bad/1/`, `${host.origin}/ok/2/`];
    const started = Date.now();
    // Results print in input order, so nothing shows until the refused target's last retry: on a loaded CI
    // machine that chain has outlasted the default 120 s limit (2 of 4 full runs), so it gets the test's time.
    const waiting = startBeian(
      ['check', '--queue', list('dead.txt', targets), '--wait'],
      env({ BEIAN_QUEUE_RETRIES: '2', BEIAN_QUEUE_RETRY_DELAY_SECONDS: '1' }),
      220_000,
    );
    running.push(waiting);
    const checking = startBeian(['worker'], env(), 220_000);
    running.push(checking);
    const run = await waiting.exited;
    const results = lines(run);
    const why = `--wait: ${run.stderr}\nworker: ${checking.stderr()}`;
    expect(
      results.map((r) => [r.target, r.verdict]),
      why,
    ).toEqual([
      [targets[0], 'inconclusive'],
      [targets[1], 'fail'],
      [targets[2], 'pass'],
    ]);
    expect(results[0]?.findings.map((f) => f.message).join('\n')).toContain('gave up after 3 attempt(s)');
    // Backoff: about 1–2 s before the first retry, 2–4 s before the second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(host.requests).toBe(2);
    expect(await status()).toMatchObject({ queued: 0, active: 0, done: 2, dead: 1 });
  }, 240_000);

  it('a worker stopped with SIGTERM finishes the checks under way; another worker does the rest, none lost or run twice', async () => {
    database = await createTestDatabase();
    const hosts = await Promise.all([serve(300), serve(300), serve(300), serve(300)]);
    const targets = Array.from({ length: 16 }, (_, i) => `${hosts[i % 4]?.origin}/ok/${i}/`);
    const waiting = startBeian(['check', '--queue', list('stop.txt', targets), '--wait'], env());
    running.push(waiting);
    const first = worker({}, ['--concurrency', '4']);
    const total = () => hosts.reduce((sum, h) => sum + h.requests, 0);
    // Generous: on a loaded machine two CLI processes may take a minute to start.
    await until(() => total() >= 3, 'the first worker to start checking', 150_000);
    first.kill('SIGTERM');
    const stopped = await first.exited;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toContain('finishing the checks under way');
    const byFirst = total();
    expect(byFirst).toBeLessThan(16);
    worker({}, ['--concurrency', '4']);
    const run = await waiting.exited;
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run).map((r) => r.target)).toEqual(targets);
    expect(total()).toBe(16);
    expect(await status()).toEqual({ queued: 0, retrying: 0, active: 0, done: 16, dead: 0 });
  }, 240_000);
});
