/**
 * `/faq` acknowledgement latency across deployments (`npm run bench replicas`), in one run:
 * - bare: a Bolt app whose `/faq` only acks, in its own process (the floor);
 * - one `beian serve` replica on the embedded SQLite;
 * - three `beian serve` replicas sharing PostgreSQL ($BEIAN_TEST_DATABASE_URL, a fresh database), the load
 *   spread round-robin over them as a load balancer would.
 * Every app is its own process (the compiled CLI, as deployed); the load generator and the stand-in Web API
 * (where the answers go) are two more. Rounds rotate which deployment goes first. `BENCH_QUICK=1`: fewer commands.
 */
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startFakeSlackApi } from '../test/slack/helpers/fake-slack-api.js';
import { commandBody, signBody } from '../test/slack/helpers/signed-requests.js';
import { childRpc, percentile } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/beian.js');
const SELF = fileURLToPath(import.meta.url);
const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';
const QUESTIONS = ['备案号会过期吗', 'does the beian number expire?', '公安备案怎么办理？', 'pizza recipe'];
const QUICK = Boolean(process.env.BENCH_QUICK);
const COMMANDS = QUICK ? 60 : 300;
const ROUNDS = QUICK ? 2 : 4;
const CONCURRENCY = 20;

type Request = { kind: 'faq'; urls: string[]; responseUrl: string; count: number };

if (process.argv[2] === '--api') await runApi();
else if (process.argv[2] === '--load') runLoad();
else if (process.argv[2] === '--bare') await runBare();
else await runBench();

async function runApi(): Promise<void> {
  const api = await startFakeSlackApi();
  process.send?.({ id: 0, result: { apiUrl: api.apiUrl, responseUrl: api.responseUrl('bench') } });
  process.on('disconnect', () => process.exit(0));
}

async function runBare(): Promise<void> {
  const { App, LogLevel } = await import('@slack/bolt');
  const app = new App({
    token: TOKEN,
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: process.argv[3] },
  });
  app.command('/faq', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
  process.send?.({ id: 0, result: `http://127.0.0.1:${server.address().port}` });
  process.on('disconnect', () => process.exit(0));
}

/** The load generator: `count` signed `/faq` commands, CONCURRENCY at a time, round-robin over `urls`. */
function runLoad(): void {
  process.on('message', async (request: Request & { id: number }) => {
    const times: number[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < request.count; i = next++) {
        const body = commandBody('/faq', QUESTIONS[i % QUESTIONS.length] ?? '', request.responseUrl);
        const started = performance.now();
        const res = await fetch(`${request.urls[i % request.urls.length]}/slack/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...signBody(SECRET, body) },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        times.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    process.send?.({ id: request.id, result: times });
  });
  process.send?.({ id: 0, result: null });
  process.on('disconnect', () => process.exit(0));
}

function startReplica(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`beian serve did not start within 90 s:\n${output}`));
    }, 90_000);
    const onData = (chunk: string) => {
      output += chunk;
      const port = /Listening on port (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => reject(new Error(`beian serve exited (${code}) before listening:\n${output}`)));
  });
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.BEIAN_TEST_DATABASE_URL;
  if (!server) throw new Error('Set BEIAN_TEST_DATABASE_URL (a PostgreSQL server the bench may create databases on).');
  const name = `beian_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function runBench(): Promise<void> {
  const started = performance.now();
  spawnSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'ignore' });
  const database = await createDatabase();
  const tsx = { execArgv: ['--import', 'tsx'] };
  const apiChild = fork(SELF, ['--api'], tsx);
  const loadChild = fork(SELF, ['--load'], tsx);
  const { apiUrl, responseUrl } = (await childRpc(apiChild)(null)) as { apiUrl: string; responseUrl: string };
  const askLoad = childRpc<Request>(loadChild);
  await askLoad(null);
  const bareChild = fork(SELF, ['--bare', apiUrl], tsx);
  const bareUrl = (await childRpc(bareChild)(null)) as string;

  const dataDir = await mkdtemp(join(tmpdir(), 'beian-replicas-bench-'));
  const env = (databaseUrl?: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    // info, the default: the replica logs its port at that level, and a deployment runs with it.
    LOG_LEVEL: 'info',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const sqlite = await startReplica(env());
  const shared = await Promise.all([1, 2, 3].map(() => startReplica(env(database.url))));
  const deployments = [
    { name: 'bare Bolt app (ack only), 1 process', urls: [bareUrl] },
    { name: '`beian serve` × 1, SQLite', urls: [sqlite.url] },
    { name: '`beian serve` × 3, PostgreSQL (round-robin)', urls: shared.map((r) => r.url) },
  ];
  const faq = async (urls: string[]) =>
    (await askLoad({ kind: 'faq', urls, responseUrl, count: COMMANDS })) as number[];
  for (const { urls } of deployments) await faq(urls);

  const times = deployments.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let k = 0; k < deployments.length; k += 1) {
      const d = (round + k) % deployments.length;
      times[d]?.push(...(await faq(deployments[d]?.urls ?? [])));
    }
  }
  const [bare50, bare99] = [percentile(times[0] ?? [], 50), percentile(times[0] ?? [], 99)];
  console.log(
    `### /faq acknowledgement latency (${COMMANDS} commands × ${ROUNDS} rounds each, ${CONCURRENCY} at a time)\n`,
  );
  console.log('| deployment | p50 | p99 | p50 vs bare | p99 vs bare |');
  console.log('|---|---|---|---|---|');
  deployments.forEach(({ name }, d) => {
    const p50 = percentile(times[d] ?? [], 50);
    const p99 = percentile(times[d] ?? [], 99);
    console.log(
      `| ${name} | ${p50.toFixed(1)} ms | ${p99.toFixed(1)} ms | ${(p50 / bare50).toFixed(2)}× | ${(p99 / bare99).toFixed(2)}× |`,
    );
  });

  const stopped = [sqlite, ...shared].map(
    ({ child }) =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(stopped);
  for (const child of [apiChild, loadChild, bareChild]) child.kill();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
  console.log(
    `\nRan in ${((performance.now() - started) / 1000).toFixed(0)} s (load average ${loadavg()[0]?.toFixed(1)}).`,
  );
}
