import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { utcDay } from '../../../core/knowledge/freshness.js';
import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import { composeReply, recordUnanswered } from '../../compose-reply.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded, yieldToAcks } from '../../guard.js';
import { postMessages } from '../../post-reply.js';
import { looksLikeQuestion } from '../../question-text.js';
import { recordAsked } from '../../record-traffic.js';

/** How long a triaged thread is remembered; Slack redelivers a message within minutes, not days. */
const TRIAGE_CLAIM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** The fields of a plain message from a person; anything else (edits, deletions, joins, bots) is not one. */
interface PersonMessage {
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type: string;
}

/** Answers DMs, and offers one suggestion under new questions in triage channels. */
export function createMessageListener(deps: SlackDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    const message = asPersonMessage(event);
    if (!message) return;
    if (message.channel_type === 'im') {
      await answerDirectMessage(deps, client, message);
      return;
    }
    if (deps.config.triageChannels.includes(message.channel)) {
      await triageMessage(deps, client, message, context.botUserId);
    }
  };
}

function asPersonMessage(event: Args['event']): PersonMessage | null {
  // Edits, deletions, joins and bot posts all carry a subtype; only plain messages are questions.
  if ('subtype' in event && event.subtype !== undefined) return null;
  const e = event as Partial<PersonMessage> & { bot_id?: string };
  if (e.bot_id || !e.user || typeof e.text !== 'string' || !e.ts || !e.channel) return null;
  return {
    user: e.user,
    text: e.text,
    ts: e.ts,
    channel: e.channel,
    channel_type: e.channel_type ?? '',
    ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}),
  };
}

async function answerDirectMessage(deps: SlackDeps, client: Args['client'], message: PersonMessage): Promise<void> {
  const place = { channel: message.channel, threadTs: message.thread_ts };
  const t = await deps.languages.catalogueFor(client, message.user, message.text);
  await runGuarded(
    deps.logger,
    'message.im',
    async () => {
      const reply = composeReply(deps.core, deps.config, message.text, 'reply', { t });
      await postMessages(client, place, reply.messages, reply.metadata);
      await recordUnanswered(deps.store, reply, { user: message.user, channel: message.channel });
      await recordAsked(deps, reply, { user: message.user, ...place });
    },
    (text) => client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, text }),
    t,
  );
}

async function triageMessage(
  deps: SlackDeps,
  client: Args['client'],
  message: PersonMessage,
  botUserId: string | undefined,
): Promise<void> {
  if (message.thread_ts) return;
  // A mention is answered by the app_mention listener; a second, unasked reply would be noise.
  if (botUserId && message.text.includes(`<@${botUserId}>`)) return;
  if (!looksLikeQuestion(message.text)) return;
  await yieldToAcks();
  const result = deps.core.matcher.match(message.text);
  // Unasked replies must clear both bars: the matcher's own decision and the stricter triage threshold.
  if (!result.answered || !result.best || result.confidence < deps.config.triageMinConfidence) return;
  // Claimed across replicas, and kept: a thread gets its one suggestion even if posting it fails.
  if (!(await deps.triaged.claim(`${message.channel}:${message.ts}`, TRIAGE_CLAIM_TTL_MS))) return;
  const entry = result.best;
  // Unasked: if this fails, say nothing in the thread (the person did not ask us); the log has it.
  try {
    const t = await deps.languages.catalogueFor(client, message.user, message.text);
    const messages = buildAnswerMessages({ entry, suggestions: [], variant: 'triage', t, today: utcDay(new Date()) });
    await postMessages(
      client,
      { channel: message.channel, threadTs: message.ts },
      messages,
      buildAnswerMetadata(entry.id, result.confidence),
    );
  } catch (error) {
    deps.logger.error('triage suggestion failed:', error);
  }
}
