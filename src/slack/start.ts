import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { BeianError } from '../core/errors.js';
import type { AlertSink } from '../core/watch/types.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/ports.js';
import { createSlackApp, type SlackApp } from './create-app.js';
import {
  type Clock,
  collectDigest,
  postDigest,
  postRefusedReload,
  SYSTEM_CLOCK,
  scheduleWeeklyDigest,
} from './digest.js';
import { createLogger, secretsOf } from './logger.js';

/**
 * Starts the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, HTTP on config.port otherwise) and resolves
 * once it is serving. The store ($DATABASE_URL, else SQLite in the data folder) is opened and migrated first.
 * `stop()` finishes in-flight replies and closes; the caller decides when (SIGTERM).
 * `logger` is the bot's own (secrets redacted), for the caller's process-level logging.
 */
export async function startSlack(
  config: Config,
  core: BotCore,
  options: { clock?: Clock } = {},
): Promise<{
  stop(): Promise<void>;
  logger: Logger;
  alertSink: AlertSink;
  /** Posts a refused knowledge reload's problems to BEIAN_DIGEST_CHANNEL; absent when none is set. */
  noticeRefusedReload?: (problems: readonly string[]) => Promise<void>;
}> {
  const logger = createLogger(config.logLevel, { secrets: secretsOf(config.slack) });
  // Opened (and migrated) before Slack is contacted: a database that cannot be reached is a start-up error.
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const slack = createSlackApp({ config, core, store, logger });
  const { port } = await slack.start().catch(async (error: unknown) => {
    await store.close();
    if (error instanceof BeianError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new BeianError('slack-start', `Could not start the Slack app: ${message}`, { cause: error });
  });
  const install = config.slack?.oauth ? ', GET /slack/install, GET /slack/oauth_redirect' : '';
  if (slack.mode === 'http') logger.info(`Listening on port ${port}: POST /slack/events, GET /healthz${install}`);
  else if (install) logger.info(`Install pages on port ${port}: GET /slack/install, GET /slack/oauth_redirect`);
  logger.info(`Data: ${store.location}`);
  const digest = startDigest(config, core, store, slack, logger, options.clock ?? SYSTEM_CLOCK);
  const channel = config.digestChannel;
  return {
    logger,
    alertSink: slack.alertSink,
    ...(channel
      ? { noticeRefusedReload: (problems: readonly string[]) => postRefusedReload(slack.app.client, channel, problems) }
      : {}),
    async stop() {
      digest?.stop();
      await slack.stop();
      await store.close();
    },
  };
}

// The weekly digest, when BEIAN_DIGEST_CHANNEL names where it goes.
function startDigest(config: Config, core: BotCore, store: Store, slack: SlackApp, logger: Logger, clock: Clock) {
  const channel = config.digestChannel;
  if (channel === undefined) return null;
  logger.info(`Weekly knowledge digest: Mondays 01:00 UTC in ${channel}`);
  return scheduleWeeklyDigest(
    clock,
    async () => postDigest(slack.app.client, channel, await collectDigest({ store, kb: core.kb }, clock.now())),
    logger,
  );
}
