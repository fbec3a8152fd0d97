import type { RespondFn, webApi } from '@slack/bolt';
import type { AnswerMetadata, SlackMessage } from './blocks/message.js';

/** Where a message goes: a conversation, optionally a thread in it. */
export interface Place {
  channel: string;
  threadTs?: string | undefined;
}

// Errors that mean "the bot may not post here", which a person can fix by inviting it.
const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** True when Slack refused a post because the bot is not in the conversation. */
export function isNotMember(error: unknown): boolean {
  const code = (error as { data?: { error?: string } } | null)?.data?.error;
  return code !== undefined && NOT_MEMBER.has(code);
}

/** True when Slack refused a message's blocks (a workspace or client without an element, e.g. feedback_buttons). */
export function isInvalidBlocks(error: unknown): boolean {
  const code = (error as { data?: { error?: string } } | null)?.data?.error;
  return code === 'invalid_blocks' || code === 'invalid_blocks_format';
}

/**
 * Sends `message` with `send`; when Slack rejects its blocks and the message has fallback blocks, sends those
 * instead, so a workspace without native feedback buttons still gets the answer (with the hand-built ones).
 */
export async function withBlockFallback<T>(
  message: SlackMessage,
  send: (blocks: SlackMessage['blocks']) => Promise<T>,
): Promise<T> {
  try {
    return await send(message.blocks);
  } catch (error) {
    if (!message.fallbackBlocks || !isInvalidBlocks(error)) throw error;
    return send(message.fallbackBlocks);
  }
}

/** Posts messages in order (every one with the metadata, when given). */
export async function postMessages(
  client: webApi.WebClient,
  place: Place,
  messages: readonly SlackMessage[],
  metadata?: AnswerMetadata,
): Promise<void> {
  for (const message of messages) {
    await withBlockFallback(message, (blocks) =>
      client.chat.postMessage({
        channel: place.channel,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
        text: message.text,
        blocks,
        ...(metadata ? { metadata } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
  }
}

/** Replaces a posted message in place (chat.update), with the same fallback as postMessages. */
export async function updateMessage(
  client: webApi.WebClient,
  where: { channel: string; ts: string },
  message: SlackMessage,
): Promise<void> {
  await withBlockFallback(message, (blocks) =>
    client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks }),
  );
}

/** Sends messages through a response URL; throws when Slack refuses one (respond() itself does not). */
export async function respondMessages(
  respond: RespondFn,
  messages: readonly SlackMessage[],
  options: { replaceOriginal?: boolean; responseType?: 'ephemeral' | 'in_channel'; metadata?: AnswerMetadata } = {},
): Promise<void> {
  for (const [i, message] of messages.entries()) {
    const send = (blocks: SlackMessage['blocks']) =>
      respondChecked(respond, {
        response_type: options.responseType ?? 'ephemeral',
        replace_original: i === 0 && (options.replaceOriginal ?? false),
        text: message.text,
        blocks,
        // Slack keeps no metadata on ephemeral messages; sent anyway so every answer payload has the same shape.
        ...(options.metadata ? { metadata: options.metadata } : {}),
      });
    await withBlockFallback(message, send);
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
      const response = (await respond(message)) as unknown as RespondResponse | undefined;
      if (response && response.ok === false) {
        throw Object.assign(new Error(`The response URL refused the message (HTTP ${response.status ?? '?'})`), {
          statusCode: response.status,
        });
      }
      // Slack answers a message it will not show (bad blocks) with 200 and `{ "ok": false, "error": … }`.
      const refusal = response ? await refusalCode(response) : undefined;
      if (refusal) {
        throw Object.assign(new Error(`The response URL refused the message (${refusal})`), {
          statusCode: 400,
          data: { error: refusal },
        });
      }
      return;
    } catch (error) {
      if (attempt >= retries || !isWorthRetrying(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 2 ** attempt));
    }
  }
}

type RespondResponse = { ok?: boolean; status?: number; text?: () => Promise<string> };

async function refusalCode(response: RespondResponse): Promise<string | undefined> {
  const body = await response.text?.().catch(() => '');
  if (!body?.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; error?: unknown };
    return parsed.ok === false && typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

function isWorthRetrying(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return status >= 500;
  // fetch rejects with a TypeError whose cause is the socket's error (ECONNRESET, UND_ERR_SOCKET, …).
  return error instanceof TypeError && error.cause !== undefined;
}
