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

/** respond(), but a refusal from Slack becomes an error instead of passing silently. */
export async function respondChecked(respond: RespondFn, message: Parameters<RespondFn>[0]): Promise<void> {
  const response = (await respond(message)) as unknown as { ok?: boolean; status?: number } | undefined;
  if (response && response.ok === false) {
    throw new Error(`The response URL refused the message (HTTP ${response.status ?? '?'})`);
  }
}
