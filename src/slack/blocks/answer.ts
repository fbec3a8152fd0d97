import { isPastDue } from '../../core/knowledge/freshness.js';
import type { Entry } from '../../core/knowledge/types.js';
import type { Suggestion } from '../../core/match/types.js';
import type { Catalogue, Lang } from '../messages/catalogue.js';
import { ACTION } from './action-ids.js';
import { encodeFeedback, encodeShare, encodeToggle, type ShareTarget } from './action-values.js';
import { describeEscalation } from './escalation.js';
import type { ActionsBlock, Button, ContextActionsBlock, ContextBlock, KnownBlock } from './kit.js';
import { paginateBlocks, type SlackMessage } from './message.js';
import { escapeMrkdwn, markdownToBlocks } from './mrkdwn.js';

/** Where an answer is shown, which decides its buttons. */
export type AnswerVariant = 'reply' | 'ephemeral' | 'triage' | 'shared';

/** What an answer message shows. */
export interface AnswerView {
  entry: Entry;
  suggestions: readonly Suggestion[];
  variant: AnswerVariant;
  /** The reader's chrome; its language also picks the entry's section shown first. */
  t: Catalogue;
  /** The person who shared an ephemeral answer into the channel. */
  sharedBy?: string;
  /** For an ephemeral answer: the thread its share button posts into ("Share in thread"), else the channel. */
  shareTo?: ShareTarget;
  /** Today (`YYYY-MM-DD`): an entry past its review date says so under its title. */
  today?: string;
}

const HEADER_MAX = 150;
// Entries give the Chinese answer first, then the English one after this marker.
const ENGLISH_MARKER = /^\*\*English:?\*\*:?[ \t]*/m;

/** One language's part of an entry: its title and answer, and whether the entry has the other language too. */
export interface EntrySection {
  title: string;
  answer: string;
  bilingual: boolean;
}

/**
 * The entry's section in `lang`: the Chinese part of the answer comes before `**English:**`, the English part
 * after it; a title `中文 / English` is split the same way. An entry without the marker is shown whole.
 */
export function sectionOf(entry: Entry, lang: Lang): EntrySection {
  const marker = ENGLISH_MARKER.exec(entry.answer);
  const zh = marker ? entry.answer.slice(0, marker.index).trim() : '';
  const en = marker ? entry.answer.slice(marker.index + marker[0].length).trim() : '';
  if (zh === '' || en === '') return { title: entry.title, answer: entry.answer, bilingual: false };
  return { title: sectionTitle(entry.title, lang), answer: lang === 'zh-CN' ? zh : en, bilingual: true };
}

/**
 * Builds an answer: title, the answer as mrkdwn in the reader's language, source and review date, and the buttons
 * for its variant. Feedback uses Slack's native feedback_buttons; the last message carries `fallbackBlocks` with
 * the hand-built 👍/👎 for a workspace that rejects them.
 */
export function buildAnswerMessages(view: AnswerView): SlackMessage[] {
  const { entry, t } = view;
  const section = sectionOf(entry, t.lang);
  const head: KnownBlock[] = [];
  if (view.variant === 'triage') head.push(note(t.suggestedAnswer));
  if (view.sharedBy) head.push(note(t.sharedBy(view.sharedBy)));
  head.push({ type: 'header', text: { type: 'plain_text', text: truncate(section.title, HEADER_MAX), emoji: true } });
  if (view.today !== undefined && isPastDue(entry, view.today)) head.push(note(t.staleNotice(entry.reviewed)));
  const tail: KnownBlock[] = [sourceContext(entry, t), ...buttonsFor(view, section.bilingual, 'native')];
  const pages = paginateBlocks(section.title, head, renderAnswer(entry, t.lang, section.answer), tail, t);
  if (view.variant === 'triage') return pages;
  const last = pages[pages.length - 1] as SlackMessage;
  const fallbackTail: KnownBlock[] = [sourceContext(entry, t), ...buttonsFor(view, section.bilingual, 'fallback')];
  last.fallbackBlocks = [...last.blocks.slice(0, last.blocks.length - tail.length), ...fallbackTail];
  return pages;
}

// Entries never change once loaded, so each section's markdown is rendered once, not on every reply.
const rendered = new WeakMap<Entry, Map<Lang, KnownBlock[]>>();

function renderAnswer(entry: Entry, lang: Lang, markdown: string): KnownBlock[] {
  let byLang = rendered.get(entry);
  if (!byLang) {
    byLang = new Map();
    rendered.set(entry, byLang);
  }
  let blocks = byLang.get(lang);
  if (!blocks) {
    blocks = markdownToBlocks(markdown);
    byLang.set(lang, blocks);
  }
  return blocks;
}

/** What a no-answer reply shows. */
export interface NoAnswerView {
  suggestions: readonly Suggestion[];
  escalation: string | undefined;
  t: Catalogue;
}

/** Builds the reply for a question the knowledge base cannot answer: says so, offers suggestions, names a person. */
export function buildNoAnswerMessage(view: NoAnswerView): SlackMessage {
  const { t } = view;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `🤔 ${t.noAnswer}` } }];
  const suggestions = suggestionButtons(view.suggestions, t);
  if (suggestions) blocks.push(suggestions);
  blocks.push(note(describeEscalation(view.escalation, t)));
  return { text: t.noAnswer, blocks };
}

function buttonsFor(view: AnswerView, bilingual: boolean, feedback: 'native' | 'fallback'): KnownBlock[] {
  const { entry, t } = view;
  const id = entry.id;
  const toggle = bilingual ? [toggleButton(view)] : [];
  const share =
    view.variant === 'ephemeral'
      ? [
          button(
            ACTION.share,
            view.shareTo ? t.shareInThread : t.shareInChannel,
            encodeShare({ entryId: id, lang: t.lang, ...(view.shareTo ? { shareTo: view.shareTo } : {}) }),
            'primary',
          ),
        ]
      : [];
  const blocks: KnownBlock[] = [];
  const main = (elements: Button[]) => ({
    type: 'actions' as const,
    block_id: `answer:${t.lang}:${id}`.slice(0, 255),
    elements,
  });
  if (view.variant === 'triage') {
    blocks.push(
      main([button(ACTION.solved, t.solved, id, 'primary'), button(ACTION.needPerson, t.needPerson, id), ...toggle]),
    );
    return blocks;
  }
  if (feedback === 'fallback') {
    blocks.push(
      main([...share, button(ACTION.helpful, t.helpful, id), button(ACTION.notHelpful, t.notHelpful, id), ...toggle]),
    );
  } else {
    if (share.length + toggle.length > 0) blocks.push(main([...share, ...toggle]));
    blocks.push(feedbackButtons(id, t));
  }
  const suggestions = suggestionButtons(view.suggestions, t);
  if (suggestions) blocks.push(suggestions);
  return blocks;
}

function feedbackButtons(entryId: string, t: Catalogue): ContextActionsBlock {
  return {
    type: 'context_actions',
    block_id: `feedback:${t.lang}:${entryId}`.slice(0, 255),
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: {
          text: { type: 'plain_text', text: '👍' },
          accessibility_label: t.helpful,
          value: encodeFeedback({ value: 'helpful', entryId }),
        },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          accessibility_label: t.notHelpful,
          value: encodeFeedback({ value: 'not-helpful', entryId }),
        },
      },
    ],
  };
}

function toggleButton(view: AnswerView): Button {
  const other: Lang = view.t.lang === 'zh-CN' ? 'en' : 'zh-CN';
  const value = encodeToggle({
    entryId: view.entry.id,
    variant: view.variant,
    lang: other,
    ...(view.shareTo ? { shareTo: view.shareTo } : {}),
    ...(view.sharedBy ? { sharedBy: view.sharedBy } : {}),
  });
  return button(ACTION.language, view.t.languageToggle, value);
}

function suggestionButtons(suggestions: readonly Suggestion[], t: Catalogue): ActionsBlock | null {
  if (suggestions.length === 0) return null;
  return {
    type: 'actions',
    block_id: 'suggestions',
    elements: suggestions
      .slice(0, 3)
      .map((s, i) =>
        button(`${ACTION.suggestion}_${i}`, t.didYouMean(truncate(sectionTitle(s.title, t.lang), 60)), s.id),
      ),
  };
}

/** The part of a `中文 / English` title in `lang`; a title without the split is shown whole. */
export function sectionTitle(title: string, lang: Lang): string {
  const parts = title.split(' / ');
  if (parts.length !== 2) return title;
  return (lang === 'zh-CN' ? parts[0] : parts[1])?.trim() || title;
}

function sourceContext(entry: Entry, t: Catalogue): ContextBlock {
  const source = /^https?:/i.test(entry.source.url)
    ? `<${entry.source.url}|${escapeMrkdwn(entry.source.title)}>`
    : escapeMrkdwn(entry.source.title);
  return { type: 'context', elements: [{ type: 'mrkdwn', text: t.source(source, entry.reviewed) }] };
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

/** `text` cut to `max` characters with an ellipsis (Slack rejects longer labels). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
