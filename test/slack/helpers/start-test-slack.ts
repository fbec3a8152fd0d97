import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, DEFAULT_KNOWLEDGE_DIR, loadConfig } from '../../../src/config.js';
import type { BotCore } from '../../../src/core/bot-core.js';
import { checkFooter } from '../../../src/core/footer/check-footer.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-app.js';
import { createLogger, secretsOf } from '../../../src/slack/logger.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/ports.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { commandBody, eventEnvelope, postSigned } from './signed-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-secret';

/** The pace tests run at: the real pacer, with a short interval. */
export const TEST_PACE_MS = { 'chat.postMessage': 5, 'chat.postEphemeral': 5 } as const;

let kb: Promise<KnowledgeBase> | undefined;

/** The real knowledge base and matcher; checkFooter as given (the real one by default). */
export async function createTestCore(check?: BotCore['checkFooter']): Promise<BotCore> {
  kb ??= loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const base = await kb;
  return { kb: base, matcher: createMatcher(base), checkFooter: check ?? realCheckFooter };
}

function realCheckFooter(...args: Parameters<BotCore['checkFooter']>): ReturnType<BotCore['checkFooter']> {
  return checkFooter(...args);
}

/** A running app under test with its stand-in Slack. */
export interface TestSlack {
  url: string;
  api: FakeSlackApi;
  config: Config;
  store: Store;
  dataDir: string;
  slack: SlackApp;
  logs: string[];
  sendEvent(
    event: Record<string, unknown>,
    options?: { eventId?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; text: string; ms: number }>;
  sendCommand(
    command: string,
    text: string,
    responseName?: string,
  ): Promise<{ status: number; text: string; ms: number }>;
  sendForm(body: string): Promise<{ status: number; text: string; ms: number }>;
  stop(): Promise<void>;
}

/** Starts the real Bolt app in HTTP mode on 127.0.0.1:0 against a stand-in Web API. */
export async function startTestSlack(
  options: {
    env?: Record<string, string>;
    core?: BotCore;
    api?: FakeSlackApi;
    logLevel?: string;
    /** A store to share (replicas); by default a fresh embedded one in the temporary data folder. */
    store?: Store;
    /** Pace per method and channel; TEST_PACE_MS unless given, so tests posting a lot stay fast. */
    paceMs?: Readonly<Record<string, number>>;
  } = {},
): Promise<TestSlack> {
  const api = options.api ?? (await startFakeSlackApi());
  const dataDir = await mkdtemp(join(tmpdir(), 'beian-slack-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    BEIAN_DATA_DIR: dataDir,
    LOG_LEVEL: options.logLevel ?? 'warn',
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line) => logs.push(line), secrets: secretsOf(config.slack) });
  const store = options.store ?? (await createStore({ dataDir }));
  const core = options.core ?? (await createTestCore());
  const slack = createSlackApp({
    config,
    core,
    store,
    logger,
    host: '127.0.0.1',
    retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 },
    paceMs: options.paceMs ?? TEST_PACE_MS,
  });
  const { port } = await slack.start();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    api,
    config,
    store,
    dataDir,
    slack,
    logs,
    sendEvent: (event, o = {}) =>
      postSigned(url, SIGNING_SECRET, JSON.stringify(eventEnvelope(event, o.eventId)), 'application/json', o.headers),
    sendCommand: (command, text, responseName = 'cmd') =>
      postSigned(
        url,
        SIGNING_SECRET,
        commandBody(command, text, api.responseUrl(responseName)),
        'application/x-www-form-urlencoded',
      ),
    sendForm: (body) => postSigned(url, SIGNING_SECRET, body, 'application/x-www-form-urlencoded'),
    async stop() {
      await slack.stop();
      if (!options.store) await store.close();
      if (!options.api) await api.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves after `ms`; for "nothing more arrives" checks. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
