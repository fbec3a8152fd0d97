import { type Logger, webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';

/** Bounded retries: a Slack outage delays an answer by seconds, never holds a handler for minutes. */
export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 5000 };
/** Fewer retries for a one-off post from the command line or a worker, where nobody is waiting on a reply. */
export const BACKGROUND_RETRY_CONFIG: webApi.RetryOptions = { retries: 2, minTimeout: 500, maxTimeout: 2000 };

/** The Web API client settings every process uses: bounded retries and time-out, and SLACK_API_URL if set. */
export function webClientOptions(
  slack: Pick<SlackConfig, 'apiUrl'>,
  retryConfig: webApi.RetryOptions = DEFAULT_RETRY_CONFIG,
): webApi.WebClientOptions {
  return {
    retryConfig,
    timeout: 10_000,
    // WebClient joins method names onto the URL, so it must end with a slash.
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
  };
}

/** A Web API client with the bot token, for processes that post to Slack without serving it (digest, worker). */
export function createBotWebClient(slack: Pick<SlackConfig, 'apiUrl' | 'botToken'>, logger?: Logger): webApi.WebClient {
  return new webApi.WebClient(slack.botToken, {
    ...webClientOptions(slack, BACKGROUND_RETRY_CONFIG),
    ...(logger ? { logger } : {}),
  });
}
