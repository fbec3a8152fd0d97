import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import { utcDay } from '../core/knowledge/freshness.js';
import type { MatchResult } from '../core/match/types.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { ShareTarget } from './blocks/action-values.js';
import { type AnswerVariant, buildAnswerMessages, buildNoAnswerMessage } from './blocks/answer.js';
import { type AnswerMetadata, buildAnswerMetadata, type SlackMessage } from './blocks/message.js';
import type { Catalogue } from './messages/catalogue.js';

/** A reply to a question: its messages (usually one), its metadata, and the match behind it. */
export interface Reply {
  messages: SlackMessage[];
  metadata: AnswerMetadata;
  result: MatchResult;
  answered: boolean;
}

/** Options of a reply beyond its variant: the reader's chrome, and where an ephemeral answer may be shared. */
export interface ReplyOptions {
  t: Catalogue;
  shareTo?: ShareTarget;
}

/** Matches `question` and builds the reply: the answer, or a plain "no answer" with suggestions and a person. */
export function composeReply(
  core: BotCore,
  config: Config,
  question: string,
  variant: AnswerVariant,
  options: ReplyOptions,
): Reply {
  const { t } = options;
  const result = core.matcher.match(question);
  // The threshold (and BEIAN_MIN_CONFIDENCE) is the matcher's decision, made where it is built.
  if (result.answered && result.best) {
    return {
      messages: buildAnswerMessages({
        entry: result.best,
        suggestions: result.suggestions,
        variant,
        t,
        today: utcDay(new Date()),
        ...(options.shareTo ? { shareTo: options.shareTo } : {}),
      }),
      metadata: buildAnswerMetadata(result.best.id, result.confidence),
      result,
      answered: true,
    };
  }
  return {
    messages: [buildNoAnswerMessage({ suggestions: result.suggestions, escalation: config.escalation, t })],
    metadata: buildAnswerMetadata(null, result.confidence),
    result,
    answered: false,
  };
}

/** Keeps an unanswered question for `beian report`. */
export function recordUnanswered(
  store: FeedbackStore,
  reply: Reply,
  who: { user: string; channel: string | null },
): Promise<void> {
  if (reply.answered) return Promise.resolve();
  return store.append({
    kind: 'unanswered',
    at: new Date().toISOString(),
    user: who.user,
    channel: who.channel,
    question: reply.result.question,
    bestEntryId: reply.result.best?.id ?? null,
    confidence: reply.result.confidence,
  });
}
