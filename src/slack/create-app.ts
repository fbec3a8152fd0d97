import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AnyMiddlewareArgs,
  App,
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  type LogLevel,
  type Middleware,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config, SlackConfig } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { BeianError } from '../core/errors.js';
import type { Claims, Store } from '../store/ports.js';
import type { SlackDeps } from './deps.js';
import { guardSlackRequests } from './http-guard.js';
import { createInstallationStore } from './installation-store.js';
import { type Registered, registerListeners } from './listeners/index.js';
import { oauthReceiverOptions } from './oauth.js';
import { paceClient } from './pacing.js';
import { createUsefulEntries } from './useful-entries.js';
import { createLanguageResolver } from './user-language.js';
import { createSlackAlertSink, type SlackAlertSink } from './watch-alert-sink.js';
import { webClientOptions } from './web-client.js';

/** Web API retries: 5xx and network errors back off, about 15 s at most (429s are waited out by the pacer). */

/** Options for createSlackApp beyond the config (tests and benchmarks use them). */
export interface SlackAppOptions {
  config: Config;
  core: BotCore;
  store: Store;
  logger: Logger;
  retryConfig?: webApi.RetryOptions;
  /** Interface to listen on in HTTP mode; all interfaces by default. */
  host?: string;
  /** How long stop() waits for in-flight replies before closing anyway. */
  drainTimeoutMs?: number;
  /** Least time between posts into one channel, per method; config.postPaceMs for posts by default. */
  paceMs?: Readonly<Record<string, number>>;
  /** The interval /footer-watch add uses; a day by default (BEIAN_WATCH_DEFAULT_EVERY). */
  watchEveryMs?: number;
}

const DEFAULT_WATCH_EVERY_MS = 86_400_000;

/** A built, not yet started Slack app. */
export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  registered: Registered;
  /** Footer watch alerts to Slack (the alert channel and owners' DMs), for the scheduler. */
  alertSink: SlackAlertSink;
  /** Starts listening (HTTP) or connecting (Socket Mode); resolves with the HTTP port when there is one. */
  start(): Promise<{ port: number | null }>;
  /** Stops taking new work, waits for in-flight replies (bounded), and closes. */
  stop(): Promise<void>;
}

/** Builds the Bolt app: receiver for the mode, Web API client with bounded retries, dedupe, listeners. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const slack = requireSlack(config);
  let state: 'starting' | 'ready' | 'draining' = 'starting';
  const healthz = createHealthRoute(() => state === 'ready', options.store, logger);
  const mode = slack.appToken ? 'socket' : 'http';
  const clientOptions = webClientOptions(slack, options.retryConfig);
  const installations = slack.oauth
    ? createInstallationStore(options.store.installations, slack.oauth.tokenKey)
    : undefined;
  const oauth = slack.oauth && installations ? oauthReceiverOptions(slack.oauth, installations, clientOptions) : null;
  const receiver = createReceiver(slack, config.port, logger, clientOptions, healthz, oauth);
  if (receiver instanceof HTTPReceiver) {
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: slack.signingSecret ?? '',
      logger,
      isDraining: () => state === 'draining',
    });
  }
  // Token verification happens in start() instead, where a bad token becomes a clear start-up error rather
  // than a rejected promise inside Bolt's constructor.
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    // Without it Bolt resets the given logger to INFO, overriding LOG_LEVEL.
    logLevel: config.logLevel as LogLevel,
    // A 429 reaches the pacer (paceClient), which waits out Retry-After for that method and channel only,
    // instead of WebClient pausing every call of the workspace.
    clientOptions: { ...clientOptions, rejectRateLimitedCalls: true },
    tokenVerificationEnabled: false,
  });
  const inflight = new Set<Promise<unknown>>();
  const deps: SlackDeps = {
    config,
    core: options.core,
    store: options.store,
    logger,
    triaged: options.store.triageClaims,
    languages: createLanguageResolver({ logger }),
    watches: options.store.watches,
    watchEveryMs: options.watchEveryMs ?? DEFAULT_WATCH_EVERY_MS,
    drafts: options.store.drafts,
    traffic: options.store.traffic,
    usefulEntries: createUsefulEntries({ records: (since) => options.store.records(since), logger }),
    ...(installations ? { installations } : {}),
  };
  const paceMs = options.paceMs ?? { 'chat.postMessage': config.postPaceMs, 'chat.postEphemeral': config.postPaceMs };
  const pacing = { logger, paceMs };
  paceClient(app.client, pacing);
  app.use(async ({ client, next }) => {
    paceClient(client, pacing);
    await next();
  });
  app.use(trackAndDedupe(inflight, options.store.eventClaims, logger));
  const registered = registerListeners(app, deps);
  const alertSink = createSlackAlertSink({
    client: app.client,
    channel: config.watchAlertChannel,
    threads: options.store.alertThreads,
    languages: deps.languages,
    logger,
  });
  app.error(async (error) => {
    logger.error('Unhandled error in the Slack app:', error);
  });

  return {
    app,
    mode,
    registered,
    alertSink,
    async start() {
      if (slack.botToken) await verifyToken(app, logger);
      else logger.info('OAuth distribution: each workspace’s token comes from its installation');
      const started = mode === 'http' ? await app.start({ port: config.port, host: options.host }) : await app.start();
      state = 'ready';
      logger.info(`Slack app started in ${mode === 'http' ? 'HTTP' : 'Socket Mode'}`);
      return { port: portOf(started) ?? portOf((receiver as unknown as { httpServer?: Server }).httpServer) };
    },
    async stop() {
      state = 'draining';
      await alertSink.flush().catch((error: unknown) => logger.warn('Posting the last alerts:', error));
      const stopReceiver = () => app.stop().catch((error: unknown) => logger.warn('Stopping the receiver:', error));
      // HTTP mode keeps listening while it drains, so /healthz can say 503 and new requests get 503 (the guard).
      // The Socket Mode receiver cannot stop taking events without closing its health server too.
      if (mode === 'socket') await stopReceiver();
      await drain(inflight, options.drainTimeoutMs ?? 10_000, logger);
      if (mode === 'http') await stopReceiver();
      await options.store.flush();
    },
  };
}

/** GET /healthz: 200 once the app is serving and its database answers; 503 before, while stopping (draining), or without it. */
function createHealthRoute(isReady: () => boolean, store: Store, logger: Logger): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req: IncomingMessage, res: ServerResponse) => {
      const database = await pingDatabase(store, logger);
      const ready = isReady() && database;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: ready, database: database ? 'ok' : 'unreachable' }));
    },
  };
}

const PING_TIMEOUT_MS = 2000;

async function pingDatabase(store: Store, logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([store.ping(), timeout]);
    return true;
  } catch (error) {
    logger.warn(`Health check: the database at ${store.location} is unreachable:`, error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function createReceiver(
  slack: SlackConfig,
  port: number,
  logger: Logger,
  clientOptions: webApi.WebClientOptions,
  healthz: CustomRoute,
  oauth: ReturnType<typeof oauthReceiverOptions> | null,
): HTTPReceiver | SocketModeReceiver {
  if (slack.appToken) {
    return new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      customRoutes: [healthz],
      ...oauth,
      // The socket client asks for its WebSocket URL through the same (possibly overridden) Web API; the install
      // pages, with OAuth, are served on PORT beside /healthz.
      installerOptions: { ...oauth?.installerOptions, clientOptions, port },
    });
  }
  return new HTTPReceiver({
    signingSecret: slack.signingSecret ?? '',
    logger,
    customRoutes: [healthz],
    // Acknowledge first, work after: Slack wants an answer within 3 seconds whatever the work.
    processBeforeResponse: false,
    ...oauth,
  });
}

async function verifyToken(app: App, logger: Logger): Promise<void> {
  try {
    const auth = await app.client.auth.test();
    logger.info(`Signed in to Slack as ${auth.user ?? auth.user_id} in ${auth.team ?? auth.team_id}`);
  } catch (error) {
    const detail = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new BeianError('slack-auth', `Slack did not accept SLACK_BOT_TOKEN (${detail}); check the bot token.`, {
      cause: error,
    });
  }
}

function requireSlack(config: Config): SlackConfig {
  if (!config.slack) {
    throw new BeianError(
      'slack-config',
      'Slack credentials are not set: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN).',
    );
  }
  if (!config.slack.appToken && !config.slack.signingSecret) {
    throw new BeianError(
      'slack-config',
      'HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  }
  return config.slack;
}

/** How long an event id stays claimed. Slack's last retry comes about 5 minutes after the first delivery. */
export const EVENT_CLAIM_TTL_MS = 60 * 60 * 1000;

/**
 * Global middleware: every request is tracked until its listeners finish. An event id is claimed in the
 * shared store first, so a delivery another replica (or this one) already took goes no further; if the
 * listeners fail, the claim is released so Slack's retry can be answered.
 */
function trackAndDedupe(
  inflight: Set<Promise<unknown>>,
  claims: Claims,
  logger: Logger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    const work = (async () => {
      if (typeof eventId !== 'string') return next();
      if (!(await claims.claim(eventId, EVENT_CLAIM_TTL_MS))) {
        logger.debug(`Ignoring a repeated delivery of event ${eventId}`);
        return;
      }
      try {
        await next();
      } catch (error) {
        await claims.release(eventId).catch((releaseError: unknown) => {
          logger.error(`Could not release the claim on event ${eventId}:`, releaseError);
        });
        throw error;
      }
    })();
    inflight.add(work);
    try {
      await work;
    } finally {
      inflight.delete(work);
    }
  };
}

async function drain(inflight: Set<Promise<unknown>>, timeoutMs: number, logger: Logger): Promise<void> {
  if (inflight.size === 0) return;
  logger.info(`Finishing ${inflight.size} in-flight request(s)…`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([Promise.allSettled([...inflight]), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') logger.warn(`Stopped with ${inflight.size} request(s) still running`);
}

function portOf(server: unknown): number | null {
  const address = (server as Server | undefined)?.address?.();
  return address && typeof address === 'object' ? (address as AddressInfo).port : null;
}
