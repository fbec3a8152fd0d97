/**
 * `/healthz` while a hostile `/footer-check` runs (`npm run bench slack-hostile`).
 *
 * The app runs in this process in HTTP mode with the real footer checker (private networks allowed, as for a
 * staging site). A child process holds everything that is elsewhere in production, so a blocked event loop
 * here cannot slow it: the stand-in Web API and response URL, a loopback page with 50,000 ICP numbers each in
 * a `<span>` (about 1.7 MB), and a prober that sends GET /healthz every 100 ms (without waiting for the last
 * answer, as a load balancer does) and times each answer.
 * 1. idle: the prober runs for 10 s with nothing else going on;
 * 2. hostile: a signed `/footer-check PAGE` is sent and the prober runs until its report reaches the response
 *    URL (at most 120 s) — once with the page analysed on the main thread, once through the worker pool the bot
 *    uses (src/main.ts), in the same run.
 * Printed: p50 / p99 / max of the answered probes of both, the probes that got no answer (refused, reset or
 * over 120 s), the ratios hostile ÷ idle, and how long the report took.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR, loadConfig } from '../src/config.js';
import { createAnalysePool } from '../src/core/footer/analyse/analyse-pool.js';
import { checkFooter } from '../src/core/footer/check-footer.js';
import type { CheckOptions } from '../src/core/footer/types.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { createSlackApp } from '../src/slack/create-app.js';
import { createLogger } from '../src/slack/logger.js';
import { createStore } from '../src/store/create-store.js';
import { startFakeSlackApi } from '../test/slack/helpers/fake-slack-api.js';
import { commandBody, postSigned } from '../test/slack/helpers/signed-requests.js';
import { childRpc, percentile } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789';
// 50,000 numbers (about 1.7 MB): linear analysis takes a second or two of CPU, long enough to see the loop stall.
const NUMBERS = 50_000;
const PROBE_EVERY_MS = 100;
const IDLE_MS = 10_000;
const LIMIT_MS = 120_000;

type Request = { kind: 'probe'; url: string; untilReport: string | null; ms: number };
interface ProbeResult {
  /** Milliseconds of each answered probe. */
  latencies: number[];
  failed: number;
  reportMs: number | null;
}

if (process.argv[2] === '--elsewhere') await runElsewhere();
else await runBench();

/** The page: 50,000 distinct ICP numbers, each in its own span, inside the footer. */
function hostilePage(): string {
  const spans = Array.from({ length: NUMBERS }, (_, i) => `<span>京ICP备${String(10_000_000 + i)}号-1</span>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title></head><body><main>x</main><footer>${spans.join('')}</footer></body></html>`;
}

// ---------- child: Slack's side, the page, the prober ----------

async function runElsewhere(): Promise<void> {
  const api = await startFakeSlackApi();
  const page = Buffer.from(hostilePage());
  const pages = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    res.end(page);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  process.on('message', async (request: Request & { id: number }) => {
    process.send?.({ id: request.id, result: await probe(request, api.callsTo) });
  });
  process.send?.({
    id: 0,
    result: {
      apiUrl: api.apiUrl,
      responseUrls: { hostile: api.responseUrl('hostile'), pooled: api.responseUrl('pooled') },
      pageUrl,
      bytes: page.length,
    },
  });
}

async function probe(request: Request, callsTo: (method: string) => unknown[]): Promise<ProbeResult> {
  const started = performance.now();
  const probes: Promise<number | null>[] = [];
  let reportMs: number | null = null;
  const done = () => {
    const elapsed = performance.now() - started;
    if (request.untilReport === null) return elapsed >= request.ms;
    if (reportMs === null && callsTo(`respond:${request.untilReport}`).length > 0) reportMs = elapsed;
    return reportMs !== null || elapsed >= LIMIT_MS;
  };
  while (!done()) {
    probes.push(timeOne(`${request.url}/healthz`));
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  const results = await Promise.all(probes);
  const latencies = results.filter((r) => r !== null);
  return { latencies, failed: results.length - latencies.length, reportMs };
}

async function timeOne(url: string): Promise<number | null> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(LIMIT_MS) });
    await res.arrayBuffer();
    return res.status === 200 ? performance.now() - started : null;
  } catch {
    return null;
  }
}

// ---------- parent: the app under test ----------

async function runBench(): Promise<void> {
  const benchStarted = performance.now();
  const child = fork(fileURLToPath(import.meta.url), ['--elsewhere'], { execArgv: ['--import', 'tsx'] });
  const ask = childRpc<Request>(child);
  const { apiUrl, responseUrls, pageUrl, bytes } = (await ask(null)) as {
    apiUrl: string;
    responseUrls: { hostile: string; pooled: string };
    pageUrl: string;
    bytes: number;
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'beian-bench-hostile-'));
  const kb = await loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    BEIAN_ALLOW_PRIVATE_NETWORK: 'true',
    LOG_LEVEL: 'error',
  });
  const pool = createAnalysePool();
  let inWorker = false;
  const check = (target: string, options?: CheckOptions) =>
    checkFooter(target, options, inWorker ? { analyse: pool.analyse } : {});
  const slack = createSlackApp({
    config,
    core: { kb, matcher: createMatcher(kb), checkFooter: check },
    store: await createStore({ dataDir }),
    logger: createLogger('error'),
    host: '127.0.0.1',
  });
  const url = `http://127.0.0.1:${(await slack.start()).port}`;
  try {
    const idle = (await ask({ kind: 'probe', url, untilReport: null, ms: IDLE_MS })) as ProbeResult;
    const hostileRun = async (key: 'hostile' | 'pooled'): Promise<ProbeResult> => {
      const probing = ask({ kind: 'probe', url, untilReport: key, ms: LIMIT_MS }) as Promise<ProbeResult>;
      const ack = await postSigned(
        url,
        SECRET,
        commandBody('/footer-check', pageUrl, responseUrls[key]),
        'application/x-www-form-urlencoded',
      );
      if (ack.status !== 200) throw new Error(`/footer-check was answered with HTTP ${ack.status}`);
      return probing;
    };
    const hostile = await hostileRun('hostile');
    inWorker = true;
    await pool.analyse({ html: '<p>warm</p>', url: pageUrl }, {}, Date.now() + 60_000).catch(() => null);
    const pooled = await hostileRun('pooled');

    console.log(
      `### GET /healthz every ${PROBE_EVERY_MS} ms: idle vs during /footer-check of ${NUMBERS.toLocaleString('en')} ICP numbers in spans (${(bytes / 1024).toFixed(0)} KB)\n`,
    );
    console.log('| | answered | no answer | p50 | p99 | max |');
    console.log('|---|---|---|---|---|---|');
    const row = (name: string, r: ProbeResult) =>
      `| ${name} | ${r.latencies.length} | ${r.failed} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 99))} | ${ms(Math.max(...r.latencies))} |`;
    console.log(row('idle', idle));
    console.log(row('hostile check, analysed on the main thread', hostile));
    console.log(row('hostile check, analysed in the worker pool', pooled));
    const ratio = (r: ProbeResult, p: number) =>
      (percentile(r.latencies, p) / percentile(idle.latencies, p)).toFixed(1);
    console.log(`| ratio main thread ÷ idle | | | ${ratio(hostile, 50)}× | ${ratio(hostile, 99)}× | |`);
    console.log(`| ratio worker pool ÷ idle | | | ${ratio(pooled, 50)}× | ${ratio(pooled, 99)}× | |`);
    const took = (r: ProbeResult) =>
      r.reportMs === null ? `more than ${LIMIT_MS / 1000} s (gave up)` : `${(r.reportMs / 1000).toFixed(1)} s`;
    console.log(
      `\nThe report reached the response URL after ${took(hostile)} (main thread) and ${took(pooled)} (worker pool); check limit ${config.checkTimeoutMs / 1000} s.`,
    );
  } finally {
    await slack.stop();
    await pool.close();
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\nRan in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s (load average ${loadavg()[0]?.toFixed(1)}).`,
  );
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}
