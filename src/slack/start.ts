import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { BeianError } from '../core/errors.js';
import type { AlertSink } from '../core/watch/types.js';
import { createStore } from '../store/create-store.js';
import { createSlackApp } from './create-app.js';
import { createLogger } from './logger.js';

/**
 * Starts the Slack bot (Socket Mode when SLACK_APP_TOKEN is set, HTTP on config.port otherwise) and resolves
 * once it is serving. The store ($DATABASE_URL, else SQLite in the data folder) is opened and migrated first.
 * `stop()` finishes in-flight replies and closes; the caller decides when (SIGTERM).
 * `logger` is the bot's own (secrets redacted), for the caller's process-level logging.
 */
export async function startSlack(
  config: Config,
  core: BotCore,
): Promise<{ stop(): Promise<void>; logger: Logger; alertSink: AlertSink }> {
  const logger = createLogger(config.logLevel, { secrets: [config.slack?.signingSecret] });
  // Opened (and migrated) before Slack is contacted: a database that cannot be reached is a start-up error.
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const slack = createSlackApp({ config, core, store, logger });
  const { port } = await slack.start().catch(async (error: unknown) => {
    await store.close();
    if (error instanceof BeianError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new BeianError('slack-start', `Could not start the Slack app: ${message}`, { cause: error });
  });
  if (slack.mode === 'http') logger.info(`Listening on port ${port}: POST /slack/events, GET /healthz`);
  logger.info(`Data: ${store.location}`);
  return {
    logger,
    alertSink: slack.alertSink,
    async stop() {
      await slack.stop();
      await store.close();
    },
  };
}
