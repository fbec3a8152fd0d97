import type { Catalogue } from '../messages/catalogue.js';
import type { KnownBlock } from './kit.js';
import { MAX_BLOCKS } from './mrkdwn.js';

/** A message ready for chat.postMessage / respond: fallback text and blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  /** Blocks without elements some workspaces reject (feedback_buttons); posted when Slack says `invalid_blocks`. */
  fallbackBlocks?: KnownBlock[];
}

/** Slack message metadata on every answer, so analytics and other apps can tell which entry was given. */
export interface AnswerMetadata {
  event_type: 'faq_answer';
  event_payload: { entry_id?: string; confidence: number };
}

/** Builds the `faq_answer` metadata; a reply that answers nothing has no entry_id. */
export function buildAnswerMetadata(entryId: string | null, confidence: number): AnswerMetadata {
  const rounded = Math.round(confidence * 1000) / 1000;
  return {
    event_type: 'faq_answer',
    event_payload: entryId ? { entry_id: entryId, confidence: rounded } : { confidence: rounded },
  };
}

/**
 * Lays out head + body + tail over as many messages as Slack's 50-block limit needs: the head opens the first
 * message, the tail (context, buttons) closes the last.
 */
export function paginateBlocks(
  text: string,
  head: readonly KnownBlock[],
  body: readonly KnownBlock[],
  tail: readonly KnownBlock[],
  t: Pick<Catalogue, 'continued'>,
  max = MAX_BLOCKS,
): SlackMessage[] {
  const all = [...head, ...body];
  const messages: SlackMessage[] = [];
  while (all.length + tail.length > max) {
    messages.push({ text, blocks: all.splice(0, max) });
  }
  messages.push({ text, blocks: [...all, ...tail] });
  return messages.map((m, i) => (i === 0 ? m : { ...m, text: t.continued(text) }));
}
