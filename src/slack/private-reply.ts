import type { Logger, RespondFn, webApi } from '@slack/bolt';
import type { AnswerMetadata, SlackMessage } from './blocks/message.js';
import { postMessages, respondMessages } from './post-reply.js';

/** Where a private reply goes and what it carries. */
export interface PrivateReply {
  respond: RespondFn;
  client: webApi.WebClient;
  /** The person who asked; the DM fallback goes to them. */
  user: string;
  logger: Logger;
  metadata?: AnswerMetadata;
}

/**
 * Sends messages only the asker sees: ephemeral through the response URL. When Slack will not deliver one
 * (Slack Connect channels, `user_not_in_channel`, `channel_not_found`, an expired URL…), it and the rest go to
 * the person as a DM from the app instead, so the answer is never lost.
 */
export async function replyPrivately(to: PrivateReply, messages: readonly SlackMessage[]): Promise<void> {
  const options = to.metadata ? { metadata: to.metadata } : {};
  for (const [i, message] of messages.entries()) {
    try {
      await respondMessages(to.respond, [message], options);
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      to.logger.warn(`An ephemeral reply to ${to.user} could not be delivered (${code}); sending it as a DM`);
      await postMessages(to.client, { channel: to.user }, messages.slice(i), to.metadata);
      return;
    }
  }
}
