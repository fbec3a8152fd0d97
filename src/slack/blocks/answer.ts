import type { Entry } from '../../core/knowledge/types.js';
import type { Suggestion } from '../../core/match/types.js';
import { ACTION } from './action-ids.js';
import { describeEscalation } from './escalation.js';
import type { ActionsBlock, Button, ContextBlock, KnownBlock } from './kit.js';
import { paginateBlocks, type SlackMessage } from './message.js';
import { escapeMrkdwn, markdownToBlocks } from './mrkdwn.js';

/** Where an answer is shown, which decides its buttons. */
export type AnswerVariant = 'reply' | 'ephemeral' | 'triage' | 'shared';

/** What an answer message shows. */
export interface AnswerView {
  entry: Entry;
  suggestions: readonly Suggestion[];
  variant: AnswerVariant;
  /** The person who shared an ephemeral answer into the channel. */
  sharedBy?: string;
}

const HEADER_MAX = 150;

/** Builds an answer: title, the answer as mrkdwn, source and review date, and the buttons for its variant. */
export function buildAnswerMessages(view: AnswerView): SlackMessage[] {
  const { entry } = view;
  const head: KnownBlock[] = [];
  if (view.variant === 'triage') head.push(note('💡 *Suggested answer* — this might already answer your question.'));
  if (view.sharedBy) head.push(note(`Shared by <@${view.sharedBy}>`));
  head.push({ type: 'header', text: { type: 'plain_text', text: truncate(entry.title, HEADER_MAX), emoji: true } });
  const tail: KnownBlock[] = [sourceContext(entry), ...buttonsFor(view)];
  return paginateBlocks(entry.title, head, renderAnswer(entry), tail);
}

// Entries never change once loaded, so each answer's markdown is rendered once, not on every reply.
const rendered = new WeakMap<Entry, KnownBlock[]>();

function renderAnswer(entry: Entry): KnownBlock[] {
  let blocks = rendered.get(entry);
  if (!blocks) {
    blocks = markdownToBlocks(entry.answer);
    rendered.set(entry, blocks);
  }
  return blocks;
}

/** What a no-answer reply shows. */
export interface NoAnswerView {
  suggestions: readonly Suggestion[];
  escalation: string | undefined;
}

/** Builds the reply for a question the knowledge base cannot answer: says so, offers suggestions, names a person. */
export function buildNoAnswerMessage(view: NoAnswerView): SlackMessage {
  const text = "I couldn't find an answer to that in the knowledge base.";
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `🤔 ${text}` } }];
  const suggestions = suggestionButtons(view.suggestions);
  if (suggestions) blocks.push(suggestions);
  blocks.push(note(describeEscalation(view.escalation)));
  return { text, blocks };
}

function buttonsFor(view: AnswerView): ActionsBlock[] {
  const id = view.entry.id;
  const feedback = [button(ACTION.helpful, '👍 Helpful', id), button(ACTION.notHelpful, '👎 Not helpful', id)];
  const main: Record<AnswerVariant, Button[]> = {
    reply: feedback,
    shared: feedback,
    ephemeral: [button(ACTION.share, 'Share in channel', id, 'primary'), ...feedback],
    triage: [button(ACTION.solved, '✅ Solved it', id, 'primary'), button(ACTION.needPerson, '🙋 Need a person', id)],
  };
  const blocks: ActionsBlock[] = [
    { type: 'actions', block_id: `answer:${id}`.slice(0, 255), elements: main[view.variant] },
  ];
  const suggestions = view.variant === 'triage' ? null : suggestionButtons(view.suggestions);
  if (suggestions) blocks.push(suggestions);
  return blocks;
}

function suggestionButtons(suggestions: readonly Suggestion[]): ActionsBlock | null {
  if (suggestions.length === 0) return null;
  return {
    type: 'actions',
    block_id: 'suggestions',
    elements: suggestions.slice(0, 3).map((s, i) => button(`${ACTION.suggestion}_${i}`, didYouMean(s.title), s.id)),
  };
}

function didYouMean(title: string): string {
  const short = truncate(title, 60);
  return `Did you mean: ${short}${/[?？]$/.test(short) ? '' : '?'}`;
}

function sourceContext(entry: Entry): ContextBlock {
  const source = /^https?:/i.test(entry.source.url)
    ? `<${entry.source.url}|${escapeMrkdwn(entry.source.title)}>`
    : escapeMrkdwn(entry.source.title);
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Source: ${source} · Reviewed ${entry.reviewed}` }] };
}

function button(actionId: string, label: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, 75), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

function note(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
