import { labelTopic } from '../../core/knowledge/topics.js';
import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { Catalogue } from '../messages/catalogue.js';
import { ACTION } from './action-ids.js';
import { sectionTitle, truncate } from './answer.js';
import type { KnownBlock } from './kit.js';
import type { SlackMessage } from './message.js';

/** Slack shows at most four suggested prompts in an assistant thread. */
export const MAX_PROMPTS = 4;

/** One suggested prompt: a short label, and the question sent when it is clicked. */
export interface Prompt {
  title: string;
  message: string;
  entryId: string;
}

/**
 * The most useful question of each topic (by `usefulness`, people's feedback; the topic's first entry on a tie),
 * topics with the most useful questions first, at most MAX_PROMPTS. Titles are in the reader's language.
 */
export function pickPrompts(kb: KnowledgeBase, usefulness: ReadonlyMap<string, number>, t: Catalogue): Prompt[] {
  const best = new Map<string, { id: string; title: string; score: number }>();
  for (const entry of kb.entries) {
    const score = usefulness.get(entry.id) ?? 0;
    const current = best.get(entry.topic);
    if (!current || score > current.score) best.set(entry.topic, { id: entry.id, title: entry.title, score });
  }
  const order = new Map(kb.topics.map((topic, i) => [topic, i]));
  return [...best.entries()]
    .sort(([a, x], [b, y]) => y.score - x.score || (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .slice(0, MAX_PROMPTS)
    .map(([topic, pick]) => ({
      title: truncate(sectionTitle(labelTopic(topic), t.lang), 75),
      message: sectionTitle(pick.title, t.lang),
      entryId: pick.id,
    }));
}

/** The arguments of assistant.threads.setSuggestedPrompts for these prompts. */
export function buildSuggestedPrompts(prompts: readonly Prompt[], t: Catalogue) {
  return { title: t.promptsTitle, prompts: prompts.map(({ title, message }) => ({ title, message })) };
}

/** The Messages tab's first message: what to ask, with the suggested questions as buttons that answer them. */
export function buildWelcomeMessage(prompts: readonly Prompt[], t: Catalogue): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: t.messagesTabWelcome } }];
  if (prompts.length > 0) {
    blocks.push({
      type: 'actions',
      elements: prompts.map((p, i) => ({
        type: 'button',
        action_id: `${ACTION.suggestion}_${i}`,
        text: { type: 'plain_text', text: truncate(p.message, 75), emoji: true },
        value: p.entryId,
      })),
    });
  }
  return { text: t.messagesTabWelcome, blocks };
}
