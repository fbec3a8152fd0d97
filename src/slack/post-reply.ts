import type { RespondFn, webApi } from '@slack/bolt';
import type { AnswerMetadata, SlackMessage } from './blocks/message.js';

/** Where a message goes: a conversation, optionally a thread in it. */
export interface Place {
  channel: string;
  threadTs?: string | undefined;
}

/** Posts messages in order (every one with the metadata, when given). */
export async function postMessages(
  client: webApi.WebClient,
  place: Place,
  messages: readonly SlackMessage[],
  metadata?: AnswerMetadata,
): Promise<void> {
  for (const message of messages) {
    await client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      ...(metadata ? { metadata } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** Sends messages through a response URL; throws when Slack refuses one (respond() itself does not). */
export async function respondMessages(
  respond: RespondFn,
  messages: readonly SlackMessage[],
  options: { replaceOriginal?: boolean; responseType?: 'ephemeral' | 'in_channel'; metadata?: AnswerMetadata } = {},
): Promise<void> {
  for (const [i, message] of messages.entries()) {
    await respondChecked(respond, {
      response_type: options.responseType ?? 'ephemeral',
      replace_original: i === 0 && (options.replaceOriginal ?? false),
      text: message.text,
      blocks: message.blocks,
      // Slack keeps no metadata on ephemeral messages; sent anyway so every answer payload has the same shape.
      ...(options.metadata ? { metadata: options.metadata } : {}),
    });
  }
}

/** Response-URL posts lost to the network or a 5xx are retried this many times, waiting 250 ms, 500 ms, 1 s. */
export const RESPOND_RETRIES = 3;
const FIRST_RETRY_MS = 250;

/**
 * respond(), but a refusal from Slack becomes an error instead of passing silently, and a post lost on the way
 * (a reset or closed kept-alive connection, a 5xx) is retried with backoff. A 4xx is not retried: Slack has
 * read the message and said no (an expired or used-up URL). A retry after a connection died mid-answer can
 * show the message twice; that is the lesser harm than losing it.
 */
export async function respondChecked(
  respond: RespondFn,
  message: Parameters<RespondFn>[0],
  retries = RESPOND_RETRIES,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = (await respond(message)) as unknown as { ok?: boolean; status?: number } | undefined;
      if (response && response.ok === false) {
        throw Object.assign(new Error(`The response URL refused the message (HTTP ${response.status ?? '?'})`), {
          statusCode: response.status,
        });
      }
      return;
    } catch (error) {
      if (attempt >= retries || !isWorthRetrying(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 2 ** attempt));
    }
  }
}

function isWorthRetrying(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return status >= 500;
  // fetch rejects with a TypeError whose cause is the socket's error (ECONNRESET, UND_ERR_SOCKET, …).
  return error instanceof TypeError && error.cause !== undefined;
}
