import type { webApi } from '@slack/bolt';
import { BeianError } from '../core/errors.js';
import { proposeDraftId } from '../core/knowledge/capture-draft.js';
import { mrkdwnToMarkdown } from '../core/knowledge/convert-mrkdwn.js';
import { proposeTags, proposeTopic } from '../core/knowledge/propose-id.js';
import { askedText } from '../core/match/read-message.js';
import { buildCaptureModal } from './blocks/capture-modal.js';
import type { SlackDeps } from './deps.js';
import type { Catalogue } from './messages/catalogue.js';

/** A Slack message an answer is captured from. */
export interface CapturedMessage {
  channel: string;
  ts: string;
  text: string;
  /** The thread it is a reply in, when it is one. */
  threadTs?: string | undefined;
}

/** The message could not be read (the bot is not in the channel, it was deleted, a scope is missing). */
export class UnreadableMessageError extends BeianError {
  constructor(message: string, cause?: unknown) {
    super('slack-message-unreadable', message, { cause });
  }
}

/** Reads one message (top level or a reply) with conversations.replies; throws UnreadableMessageError when Slack refuses. */
export async function readSlackMessage(
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<CapturedMessage> {
  let messages: { ts?: string; text?: string; thread_ts?: string }[];
  try {
    const result = await client.conversations.replies({ channel, ts, inclusive: true, limit: 1 });
    messages = result.messages ?? [];
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new UnreadableMessageError(`conversations.replies for ${channel}/${ts}: ${code}`, error);
  }
  const message = messages.find((m) => m.ts === ts) ?? messages[0];
  if (!message) throw new UnreadableMessageError(`conversations.replies for ${channel}/${ts}: no such message`);
  return { channel, ts, text: message.text ?? '', threadTs: message.thread_ts };
}

/** The question a message asks, as the matcher reads it: mentions, links' markup, greetings and sign-offs dropped. */
export function cleanQuestion(text: string): string {
  return askedText(text);
}

/**
 * Opens the capture form for `message` (the answer) prefilled with its thread's question, a proposed id, topic and
 * tags, and its permalink. Resolves `empty` (and opens nothing) when the message has no text to save.
 */
export async function openCaptureForm(
  deps: SlackDeps,
  client: webApi.WebClient,
  options: { triggerId: string; user: string; message: CapturedMessage; t: Catalogue },
): Promise<'opened' | 'empty'> {
  const { message } = options;
  const answer = mrkdwnToMarkdown(message.text);
  if (answer === '') return 'empty';
  const [question, permalink, draftIds] = await Promise.all([
    readQuestion(deps, client, message),
    client.chat
      .getPermalink({ channel: message.channel, message_ts: message.ts })
      .then((r) => r.permalink ?? '')
      .catch((error: unknown) => {
        deps.logger.warn('capture: no permalink for the message; the person fills in the source:', error);
        return '';
      }),
    deps.drafts.ids(),
  ]);
  const kb = deps.core.kb;
  const prefill = {
    title: question,
    answer,
    id: proposeDraftId(question === '' ? (answer.split('\n')[0] ?? '') : question, kb, draftIds),
    topic: proposeTopic(`${question} ${answer}`),
    tags: proposeTags(question === '' ? answer : question),
    sourceUrl: permalink,
  };
  const view = buildCaptureModal(prefill, kb.topics, { channel: message.channel, ts: message.ts }, options.t);
  await client.views.open({ trigger_id: options.triggerId, view });
  return 'opened';
}

// The parent of a reply is the question; a message that starts no thread of others leaves it for the person.
async function readQuestion(deps: SlackDeps, client: webApi.WebClient, message: CapturedMessage): Promise<string> {
  if (!message.threadTs || message.threadTs === message.ts) return '';
  try {
    return cleanQuestion((await readSlackMessage(client, message.channel, message.threadTs)).text);
  } catch (error) {
    deps.logger.warn('capture: could not read the thread’s question; the person fills it in:', error);
    return '';
  }
}
