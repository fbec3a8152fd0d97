/**
 * Slack adapter benchmark (`npm run bench slack`):
 * 1. Acknowledgement latency of signed `/faq` commands into HTTP mode, 20 and 50 at a time, beside a bare
 *    Bolt app with an empty handler measured in the same run (rounds alternate between the two).
 *    Goal: p99 within 1.5× of bare.
 * 2. Heap before and after 10,000 answered events with unique event ids: the dedupe store is bounded, so
 *    memory stays flat.
 * The apps run in this process; the load generator and the stand-in Web API (which the replies go to) run
 * in a child process, as Slack's servers would be elsewhere. Everything is on 127.0.0.1.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
import { DEFAULT_KNOWLEDGE_DIR, loadConfig } from '../src/config.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { createSlackApp } from '../src/slack/create-app.js';
import { createLogger } from '../src/slack/logger.js';
import { createStore } from '../src/store/create-store.js';
import { FAKE_BOT, startFakeSlackApi } from '../test/slack/helpers/fake-slack-api.js';
import { commandBody, eventEnvelope, signBody } from '../test/slack/helpers/signed-requests.js';
import { childRpc, percentile } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789';
const TOKEN = 'xoxb-bench-token';
const QUESTIONS = [
  '备案号会过期吗',
  'does the beian number expire?',
  '备案为什么被注销了？',
  '公安备案怎么办理？',
  'pizza recipe',
];
const COMMANDS = 200;
const ROUNDS = 4;
const EVENTS = 10_000;
const BATCH = 1000;

type Request =
  | { kind: 'faq'; url: string; responseUrl: string; count: number; concurrency: number }
  | { kind: 'posted' };

if (process.argv[2] === '--api') await runApiProcess();
else if (process.argv[2] === '--load') await runLoadProcess();
else await runBench();

// ---------- child 1: the stand-in Web API, where the bot's replies go ----------
// Apart from the load generator: replies arriving in the process that times the acks would slow its clock
// for the app that replies (ours) and not for the bare app, which never does.

async function runApiProcess(): Promise<void> {
  const api = await startFakeSlackApi();
  let posted = 0;
  process.on('message', (request: Request & { id: number }) => {
    posted += api.calls.filter((c) => c.method === 'chat.postMessage' || c.method.startsWith('respond:')).length;
    api.calls.length = 0;
    process.send?.({ id: request.id, result: posted });
  });
  process.send?.({ id: 0, result: { apiUrl: api.apiUrl, responseUrl: api.responseUrl('bench') } });
}

// ---------- child 2: the load generator ----------

async function runLoadProcess(): Promise<void> {
  process.on('message', async (request: Request & { id: number }) => {
    if (request.kind !== 'faq') return;
    const { responseUrl } = request;
    const body = (i: number) => commandBody('/faq', QUESTIONS[i % QUESTIONS.length] ?? '', responseUrl);
    const result = await pool(request.count, request.concurrency, (i) =>
      post(request.url, body(i), 'application/x-www-form-urlencoded'),
    );
    process.send?.({ id: request.id, result });
  });
  process.send?.({ id: 0, result: null });
}

async function post(url: string, body: string, contentType: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signBody(SECRET, body) },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return performance.now() - started;
}

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results.push(await task(i));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

// ---------- parent: the apps under test ----------

async function runBench(): Promise<void> {
  const benchStarted = performance.now();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc (npm run bench does).');
  const apiChild = fork(fileURLToPath(import.meta.url), ['--api'], { execArgv: ['--import', 'tsx'] });
  const loadChild = fork(fileURLToPath(import.meta.url), ['--load'], { execArgv: ['--import', 'tsx'] });
  const askApi = childRpc<Request>(apiChild);
  const askLoad = childRpc<Request>(loadChild);
  const { apiUrl, responseUrl } = (await askApi(null)) as { apiUrl: string; responseUrl: string };
  await askLoad(null);

  const dataDir = await mkdtemp(join(tmpdir(), 'beian-bench-'));
  const kb = await loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const core = { kb, matcher: createMatcher(kb), checkFooter: () => Promise.reject(new Error('not benchmarked')) };
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  });
  const ours = createSlackApp({
    config,
    core,
    store: await createStore({ dataDir }),
    logger: createLogger('error'),
    host: '127.0.0.1',
    // 10,000 replies go into one channel; paced at Slack's one a second they would take hours.
    paceMs: {},
  });
  const oursUrl = `http://127.0.0.1:${(await ours.start()).port}`;
  const bare = new App({
    token: TOKEN,
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: apiUrl },
  });
  bare.command('/faq', async ({ ack }) => {
    await ack();
  });
  const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' })) as unknown as { address(): AddressInfo };
  const bareUrl = `http://127.0.0.1:${bareServer.address().port}`;

  const faq = async (url: string, concurrency: number) =>
    (await askLoad({ kind: 'faq', url, responseUrl, count: COMMANDS, concurrency })) as number[];
  await faq(bareUrl, 20);
  await faq(oursUrl, 20);

  console.log(
    `### /faq acknowledgement latency (${COMMANDS} commands × ${ROUNDS} rounds per app and concurrency, alternating)\n`,
  );
  console.log(
    '| concurrency | bare Bolt p50 | bare Bolt p99 | beian p50 | beian p99 | p99 ratio | median round p99 ratio |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const concurrency of [20, 50]) {
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    const roundRatios: number[] = [];
    // Alternate which app goes first, so a machine that gets busier or quieter mid-run favours neither.
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = round % 2 === 0 ? bareUrl : oursUrl;
      const second = first === bareUrl ? oursUrl : bareUrl;
      const a = await faq(first, concurrency);
      const b = await faq(second, concurrency);
      const [bareRound, ourRound] = first === bareUrl ? [a, b] : [b, a];
      bareTimes.push(...bareRound);
      ourTimes.push(...ourRound);
      roundRatios.push(percentile(ourRound, 99) / percentile(bareRound, 99));
    }
    const [b50, b99, o50, o99] = [
      percentile(bareTimes, 50),
      percentile(bareTimes, 99),
      percentile(ourTimes, 50),
      percentile(ourTimes, 99),
    ];
    const ratio = o99 / b99;
    const medianRatio = percentile(roundRatios, 50);
    console.log(
      `| ${concurrency} | ${ms(b50)} | ${ms(b99)} | ${ms(o50)} | ${ms(o99)} | ${ratio.toFixed(2)}× | ${medianRatio.toFixed(2)}× ${medianRatio <= 1.5 ? '(within 1.5×)' : '(over 1.5×)'} |`,
    );
  }

  // Memory: answered mentions, each with a new event id, fed to Bolt's receiver entry point (App.processEvent:
  // middleware, dedupe, listener, Web API client) so 10,000 of them fit the time budget on a busy machine.
  let sent = 0;
  let posted = (await askApi({ kind: 'posted' })) as number;
  const batch = async () => {
    await pool(BATCH, 50, async (i) => {
      const n = sent + i;
      const event = {
        type: 'app_mention',
        user: 'U0PERSON1',
        text: `<@${FAKE_BOT.user_id}> ${QUESTIONS[n % 4]}`,
        ts: `1700003000.${String(n).padStart(6, '0')}`,
        channel: 'C0BENCH01',
      };
      await ours.app.processEvent({ body: eventEnvelope(event, `EvBENCH${n}`), ack: async () => undefined });
    });
    sent += BATCH;
    // Replies go out after the ack: wait until the stand-in has them all before weighing the heap.
    const want = posted + BATCH;
    const deadline = Date.now() + 60_000;
    while (((await askApi({ kind: 'posted' })) as number) < want && Date.now() < deadline) await sleep(20);
    posted = want;
  };
  const heap = async () => {
    for (let i = 0; i < 3; i += 1) {
      gc();
      await sleep(20);
    }
    return process.memoryUsage().heapUsed;
  };
  await batch();
  const before = await heap();
  const started = performance.now();
  for (let done = 0; done < EVENTS; done += BATCH) await batch();
  const seconds = (performance.now() - started) / 1000;
  const after = await heap();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const change = after - before;
  console.log(
    `\n### App heap over ${EVENTS.toLocaleString('en')} answered events (unique event ids, 50 at a time, via App.processEvent)\n`,
  );
  console.log('| heap before | heap after | change | events/s |');
  console.log('|---|---|---|---|');
  console.log(
    `| ${mb(before)} | ${mb(after)} | ${change >= 0 ? '+' : ''}${mb(change)} (${((change / before) * 100).toFixed(1)}%) | ${(EVENTS / seconds).toFixed(0)} |`,
  );

  await ours.stop();
  await bare.stop();
  apiChild.kill();
  loadChild.kill();
  await rm(dataDir, { recursive: true, force: true });
  console.log(
    `\nRan in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s (load average ${loadavg()[0]?.toFixed(1)}).`,
  );
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
