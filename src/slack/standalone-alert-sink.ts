import type { Config } from '../config.js';
import type { AlertThreadStore } from '../store/alert-thread-store.js';
import { createLogger, secretsOf } from './logger.js';
import { paceClient } from './pacing.js';
import { createLanguageResolver } from './user-language.js';
import { createSlackAlertSink, type SlackAlertSink } from './watch-alert-sink.js';
import { createBotWebClient } from './web-client.js';

/**
 * The Slack alert sink for a process that does not serve Slack (`beian worker`): the same alerts, threads and
 * pacing as `beian serve`'s, posted with the bot token through a Web API client of its own. Undefined without
 * Slack credentials, where alerts are printed instead.
 */
export function createStandaloneAlertSink(config: Config, threads: AlertThreadStore): SlackAlertSink | undefined {
  const slack = config.slack;
  if (!slack?.botToken) return undefined;
  const logger = createLogger(config.logLevel, { secrets: secretsOf(slack) });
  const client = createBotWebClient(slack, logger);
  paceClient(client, { logger, paceMs: { 'chat.postMessage': config.postPaceMs } });
  return createSlackAlertSink({
    client,
    channel: config.watchAlertChannel,
    threads,
    languages: createLanguageResolver({ logger }),
    logger,
  });
}
