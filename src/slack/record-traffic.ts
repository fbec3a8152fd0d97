import { threadKey } from '../core/learn/traffic.js';
import type { Reply } from './compose-reply.js';
import type { SlackDeps } from './deps.js';

/** Where a question was asked: who, in which channel, and the thread the reply went to (if any). */
export interface AskedPlace {
  user: string;
  channel: string | null;
  threadTs?: string | undefined;
}

/**
 * Keeps a question with what the bot showed for `beian kb suggest`. A failed write is logged, not shown:
 * the person already has their answer, and losing one piece of evidence is no reason to tell them otherwise.
 */
export async function recordAsked(deps: SlackDeps, reply: Reply, place: AskedPlace): Promise<void> {
  if (!deps.traffic) return;
  const { result } = reply;
  await deps.traffic
    .record({
      kind: 'asked',
      at: new Date().toISOString(),
      user: place.user,
      channel: place.channel,
      thread: threadKey(place.channel, place.threadTs),
      question: result.question,
      answeredEntryId: reply.answered ? (result.best?.id ?? null) : null,
      confidence: result.confidence,
      suggestionIds: result.suggestions.map((s) => s.id),
    })
    .catch((error: unknown) => deps.logger.warn('traffic: could not record a question:', error));
}

/** Keeps a "Did you mean …?" pick, joined to its question by person, time and thread. */
export async function recordPicked(deps: SlackDeps, entryId: string, place: AskedPlace): Promise<void> {
  if (!deps.traffic) return;
  await deps.traffic
    .record({
      kind: 'picked',
      at: new Date().toISOString(),
      user: place.user,
      channel: place.channel,
      thread: threadKey(place.channel, place.threadTs),
      entryId,
    })
    .catch((error: unknown) => deps.logger.warn('traffic: could not record a pick:', error));
}
