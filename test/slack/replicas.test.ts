import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run-beian.js';
import { createTestPlace, type TestPlace } from '../store/helpers/databases.js';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.js';
import { eventEnvelope, nextEventId, postSigned } from './helpers/signed-requests.js';
import { BOT_TOKEN, SIGNING_SECRET, sleep } from './helpers/start-test-slack.js';

const TRIAGE = 'C0TRIAGE1';

/** One `beian serve` process in HTTP mode on a loopback port. */
interface Replica {
  url: string;
  child: ChildProcess;
  output: () => string;
}

function startReplica(place: TestPlace, api: FakeSlackApi): Promise<Replica> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
  Object.assign(env, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: place.dataDir,
    BEIAN_TRIAGE_CHANNELS: TRIAGE,
    LOG_LEVEL: 'info',
    // Fifty answers go into one channel: at Slack's pace of one a second they would outlast the test.
    SLACK_POST_PACE_MS: '5',
    ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
  });
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`beian serve did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: string) => {
      output += chunk;
      const port = /Listening on port (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child, output: () => output });
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`beian serve exited (${code}) before listening:\n${output}`));
    });
  });
}

function stopReplica(replica: Replica): Promise<void> {
  return new Promise((resolve) => {
    if (replica.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => replica.child.kill('SIGKILL'), 15_000);
    replica.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    replica.child.kill('SIGTERM');
  });
}

const send = (replica: Replica, event: Record<string, unknown>, eventId: string) =>
  postSigned(replica.url, SIGNING_SECRET, JSON.stringify(eventEnvelope(event, eventId)), 'application/json');

let seq = 0;
const nextTs = () => {
  seq += 1;
  return `1700002000.${String(seq).padStart(6, '0')}`;
};
// A question the knowledge base cannot answer gets exactly one reply: the "couldn't find an answer" message.
const mention = (ts: string) => ({
  type: 'app_mention',
  user: 'U0PERSON1',
  text: '<@UBOT0001> pizza recipe',
  ts,
  channel: 'C0CHAN001',
});
const triageQuestion = (ts: string) => ({
  type: 'message',
  channel_type: 'channel',
  channel: TRIAGE,
  user: 'U0PERSON1',
  text: '备案号会过期吗？',
  ts,
});

/** Waits until no new Web API call arrived for `quietMs`: every replica has finished what it will do. */
async function settle(api: FakeSlackApi, quietMs = 1000, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    if (api.calls.length === seen) return;
    seen = api.calls.length;
    await sleep(quietMs);
  }
}

function repliesByThread(api: FakeSlackApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of api.callsTo('chat.postMessage')) {
    const thread = String(call.args.thread_ts);
    counts.set(thread, (counts.get(thread) ?? 0) + 1);
  }
  return counts;
}

describe.each([
  { engine: 'postgres' as const, replicas: 3 },
  { engine: 'sqlite' as const, replicas: 1 },
])('beian serve × $replicas on $engine', ({ engine, replicas: count }) => {
  let place: TestPlace;
  let api: FakeSlackApi;
  let replicas: Replica[] = [];
  beforeAll(async () => {
    place = await createTestPlace(engine);
    api = await startFakeSlackApi();
    // All at once, as a deployment does: the migrations must cope with replicas starting together.
    replicas = await Promise.all(Array.from({ length: count }, () => startReplica(place, api)));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(replicas.map(stopReplica));
    await api?.close();
    await place?.dispose();
  }, 60_000);

  const at = (i: number) => replicas[i % replicas.length] as Replica;

  it('answers each event once, wherever it lands', { timeout: 60_000 }, async () => {
    const threads = Array.from({ length: 12 }, nextTs);
    const statuses = await Promise.all(threads.map((ts, i) => send(at(i), mention(ts), nextEventId())));
    expect(statuses.map((s) => s.status)).toEqual(threads.map(() => 200));
    await api.waitFor('chat.postMessage', threads.length, 30_000);
    await settle(api);
    const replies = repliesByThread(api);
    expect(threads.map((ts) => replies.get(ts))).toEqual(threads.map(() => 1));
  });

  it('answers the same event sent to two replicas at once exactly once, fifty times over', {
    timeout: 120_000,
  }, async () => {
    const before = api.callsTo('chat.postMessage').length;
    const threads = Array.from({ length: 50 }, nextTs);
    await Promise.all(
      threads.map((ts, i) => {
        const eventId = nextEventId();
        const event = mention(ts);
        // Slack's retry of the same delivery, to another replica (the same one when there is only one).
        return Promise.all([send(at(i), event, eventId), send(at(i + 1), event, eventId)]);
      }),
    );
    await api.waitFor('chat.postMessage', before + threads.length, 60_000);
    await settle(api);
    const replies = repliesByThread(api);
    expect(threads.filter((ts) => replies.get(ts) !== 1)).toEqual([]);
    expect(api.callsTo('chat.postMessage').length - before).toBe(threads.length);
  });

  it('gives a triage thread one suggestion, even when every replica gets the message', {
    timeout: 60_000,
  }, async () => {
    const before = api.callsTo('chat.postMessage').length;
    const threads = Array.from({ length: 5 }, nextTs);
    // A different event id each time: the thread claim, not the event claim, must hold the line.
    await Promise.all(threads.flatMap((ts) => [0, 1, 2].map((i) => send(at(i), triageQuestion(ts), nextEventId()))));
    await api.waitFor('chat.postMessage', before + threads.length, 30_000);
    await settle(api);
    const replies = repliesByThread(api);
    expect(threads.map((ts) => replies.get(ts))).toEqual(threads.map(() => 1));
  });

  it('reports the database in /healthz', async () => {
    for (const replica of replicas) {
      const response = await fetch(`${replica.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, database: 'ok' });
    }
  });
});
