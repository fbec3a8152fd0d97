import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { ACTION } from '../../../src/slack/blocks/action-ids.js';
import { decodeFeedback, decodeShare, decodeToggle } from '../../../src/slack/blocks/action-values.js';
import { buildAnswerMessages, buildNoAnswerMessage, sectionOf } from '../../../src/slack/blocks/answer.js';
import { describeEscalation, formatEscalation } from '../../../src/slack/blocks/escalation.js';
import { buildAnswerMetadata, paginateBlocks } from '../../../src/slack/blocks/message.js';
import { en } from '../../../src/slack/messages/en.js';
import { zhCN } from '../../../src/slack/messages/zh-cn.js';

const entry = (answer = '管局**没有**设有效期。'): Entry => ({
  id: 'validity-period',
  title: '备案号的有效期是多久？',
  questions: [],
  topic: 'validity',
  tags: [],
  answer,
  source: { title: '腾讯云 & 文档', url: 'https://cloud.tencent.com/document/product/243' },
  reviewed: '2026-11-23',
  file: 'validity/validity-period.md',
  line: 1,
});
const suggestions = [
  { id: 'why-cancelled', title: '备案为什么被注销？', confidence: 0.6 },
  { id: 'public-security-filing', title: '公安备案怎么办？', confidence: 0.5 },
  { id: 'check-filing-status', title: '怎么查备案状态？', confidence: 0.4 },
  { id: 'fourth', title: 'Fourth', confidence: 0.3 },
];

const actionIds = (blocks: unknown[]) =>
  blocks.flatMap((b) =>
    ((b as { elements?: { action_id?: string }[] }).elements ?? []).flatMap((e) => e.action_id ?? []),
  );

describe('buildAnswerMessages', () => {
  it('shows the title, the answer as mrkdwn, and the source with its review date', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'reply', t: en });
    expect(message?.text).toBe('备案号的有效期是多久？');
    expect(message?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '备案号的有效期是多久？', emoji: true },
    });
    expect(message?.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '管局\u200B*没有*\u200B设有效期。' },
    });
    expect(JSON.stringify(message?.blocks)).toContain(
      'Source: <https://cloud.tencent.com/document/product/243|腾讯云 &amp; 文档> · Reviewed 2026-11-23',
    );
  });

  const picks = ['suggestion_pick_0', 'suggestion_pick_1', 'suggestion_pick_2'];
  it.each([
    ['reply', [ACTION.feedback, ...picks], [ACTION.helpful, ACTION.notHelpful, ...picks]],
    ['shared', [ACTION.feedback, ...picks], [ACTION.helpful, ACTION.notHelpful, ...picks]],
    [
      'ephemeral',
      [ACTION.share, ACTION.feedback, ...picks],
      [ACTION.share, ACTION.helpful, ACTION.notHelpful, ...picks],
    ],
    ['triage', [ACTION.solved, ACTION.needPerson], undefined],
  ] as const)(
    'gives a %s answer its buttons (native feedback, the hand-built ones as fallback)',
    (variant, native, old) => {
      const [message] = buildAnswerMessages({ entry: entry(), suggestions, variant, t: en });
      expect(actionIds(message?.blocks ?? [])).toEqual(native);
      expect(message?.fallbackBlocks && actionIds(message.fallbackBlocks)).toEqual(old);
    },
  );

  it('labels suggestions "Did you mean …?" and carries the entry id as the value', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions, variant: 'reply', t: en });
    const json = JSON.stringify(message?.blocks);
    expect(json).toContain('"text":"Did you mean: 备案为什么被注销？"');
    const plain = buildAnswerMessages({
      entry: entry(),
      suggestions: [{ id: 'x', title: 'How to check a filing', confidence: 0.5 }],
      variant: 'reply',
      t: en,
    });
    expect(JSON.stringify(plain[0]?.blocks)).toContain('"text":"Did you mean: How to check a filing?"');
    expect(json).toContain('"value":"why-cancelled"');
  });

  it('marks a triage answer as a suggestion', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'triage', t: en });
    expect(JSON.stringify(message?.blocks[0])).toContain('Suggested answer');
  });

  it('says who shared an answer', () => {
    const [message] = buildAnswerMessages({
      entry: entry(),
      suggestions: [],
      variant: 'shared',
      t: en,
      sharedBy: 'U1',
    });
    expect(JSON.stringify(message?.blocks[0])).toContain('Shared by <@U1>');
  });

  it("a shared answer's toggle keeps saying who shared it", () => {
    const [message] = buildAnswerMessages({
      entry: bilingual(),
      suggestions: [],
      variant: 'shared',
      t: en,
      sharedBy: 'U1',
    });
    const toggle = message?.blocks
      .flatMap((b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [])
      .find((e) => e.action_id === ACTION.language);
    expect(decodeToggle(toggle?.value)).toMatchObject({ variant: 'shared', lang: 'zh-CN', sharedBy: 'U1' });
  });

  it('truncates a title beyond the header limit of 150 characters', () => {
    const long = { ...entry(), title: '长'.repeat(200) };
    const [message] = buildAnswerMessages({ entry: long, suggestions: [], variant: 'reply', t: en });
    const header = message?.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('spreads an answer longer than 50 blocks over several messages, buttons on the last', () => {
    const answer = Array.from({ length: 70 }, (_, i) => `Paragraph ${i}\n\n---`).join('\n\n');
    const messages = buildAnswerMessages({ entry: entry(answer), suggestions: [], variant: 'reply', t: en });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(actionIds(messages.at(-1)?.blocks ?? [])).toEqual([ACTION.feedback]);
    expect(actionIds(messages.at(-1)?.fallbackBlocks ?? [])).toEqual([ACTION.helpful, ACTION.notHelpful]);
    expect(messages.at(-1)?.fallbackBlocks?.slice(0, -1)).toEqual(messages.at(-1)?.blocks.slice(0, -1));
    expect(actionIds(messages[0]?.blocks ?? [])).toEqual([]);
    expect(messages[1]?.text).toContain('(continued)');
  });
});

const bilingual = (): Entry => ({
  ...entry('管局**没有**设有效期。\n\n**English:** MIIT sets *no* validity period.'),
  title: '备案号的有效期是多久？ / How long is a filing number valid?',
});

describe('an entry in two languages', () => {
  it.each([
    ['zh-CN', '备案号的有效期是多久？', '管局\u200B*没有*\u200B设有效期。', zhCN],
    ['en', 'How long is a filing number valid?', 'MIIT sets _no_ validity period.', en],
  ] as const)('in %s shows only that section and title', (lang, title, text, t) => {
    expect(sectionOf(bilingual(), lang)).toMatchObject({ title, bilingual: true });
    const [message] = buildAnswerMessages({ entry: bilingual(), suggestions: [], variant: 'reply', t });
    expect(message?.text).toBe(title);
    expect(message?.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(JSON.stringify(message?.blocks)).not.toContain(lang === 'en' ? '管局' : 'MIIT sets');
  });

  it('offers a 中文 / English toggle whose value asks for the other language', () => {
    const [message] = buildAnswerMessages({ entry: bilingual(), suggestions: [], variant: 'ephemeral', t: zhCN });
    const toggle = message?.blocks
      .flatMap((b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [])
      .find((e) => e.action_id === ACTION.language);
    expect(toggle?.value && decodeToggle(toggle.value)).toEqual({
      entryId: 'validity-period',
      variant: 'ephemeral',
      lang: 'en',
    });
    expect(actionIds(message?.fallbackBlocks ?? [])).toContain(ACTION.language);
  });

  it('an entry without the English marker is shown whole, with no toggle', () => {
    expect(sectionOf(entry(), 'en')).toEqual({ title: entry().title, answer: entry().answer, bilingual: false });
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'reply', t: en });
    expect(actionIds(message?.blocks ?? [])).not.toContain(ACTION.language);
  });

  it("writes its chrome in the reader's language", () => {
    const [message] = buildAnswerMessages({ entry: bilingual(), suggestions, variant: 'ephemeral', t: zhCN });
    const json = JSON.stringify(message?.blocks);
    expect(json).toContain('来源：');
    expect(json).toContain('分享到频道');
    expect(json).toContain('你是想问：备案为什么被注销？');
    expect(json).not.toMatch(/Source:|Share in|Did you mean/);
  });

  it('"Share in thread" when the ephemeral answer belongs to a thread, which its value carries', () => {
    const [message] = buildAnswerMessages({
      entry: bilingual(),
      suggestions: [],
      variant: 'ephemeral',
      t: en,
      shareTo: { channel: 'C0CHAN001', threadTs: '1700.0001' },
    });
    const share = message?.blocks
      .flatMap(
        (b) => (b as { elements?: { action_id?: string; value?: string; text?: { text: string } }[] }).elements ?? [],
      )
      .find((e) => e.action_id === ACTION.share);
    expect(share?.text?.text).toBe('Share in thread');
    expect(decodeShare(share?.value)).toEqual({
      entryId: 'validity-period',
      lang: 'en',
      shareTo: { channel: 'C0CHAN001', threadTs: '1700.0001' },
    });
  });

  it('native feedback is a feedback_buttons element in a context_actions block, values naming the entry', () => {
    const [message] = buildAnswerMessages({ entry: bilingual(), suggestions: [], variant: 'reply', t: en });
    const block = message?.blocks.find((b) => b.type === 'context_actions') as {
      elements: { type: string; positive_button: { value: string }; negative_button: { value: string } }[];
    };
    expect(block.elements[0]?.type).toBe('feedback_buttons');
    expect(decodeFeedback(block.elements[0]?.positive_button.value)).toEqual({
      value: 'helpful',
      entryId: 'validity-period',
    });
    expect(decodeFeedback(block.elements[0]?.negative_button.value)).toEqual({
      value: 'not-helpful',
      entryId: 'validity-period',
    });
  });
});

describe('buildNoAnswerMessage', () => {
  it('says there is no answer, offers suggestions, and names the escalation target', () => {
    const message = buildNoAnswerMessage({ suggestions: suggestions.slice(0, 2), escalation: 'S0HELP001', t: en });
    const json = JSON.stringify(message.blocks);
    expect(message.text).toBe("I couldn't find an answer to that in the knowledge base.");
    expect(actionIds(message.blocks)).toEqual(['suggestion_pick_0', 'suggestion_pick_1']);
    expect(json).toContain('<!subteam^S0HELP001>');
  });

  it('without suggestions or escalation, says to ask in the channel', () => {
    const message = buildNoAnswerMessage({ suggestions: [], escalation: undefined, t: en });
    expect(actionIds(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('ask in this channel');
  });
});

describe('escalation', () => {
  it.each([
    ['S0HELP001', '<!subteam^S0HELP001>'],
    ['C0HELP001', '<#C0HELP001>'],
    ['G0HELP001', '<#G0HELP001>'],
    ['U0HELP001', '<@U0HELP001>'],
    [undefined, null],
  ])('formats %s as %s', (target, expected) => {
    expect(formatEscalation(target)).toBe(expected);
  });

  it('names the target in one sentence', () => {
    expect(describeEscalation('U0HELP001', en)).toBe('To reach a person, ask <@U0HELP001>.');
  });
});

describe('buildAnswerMetadata', () => {
  it.each([
    [
      'validity-period',
      0.91234,
      { event_type: 'faq_answer', event_payload: { entry_id: 'validity-period', confidence: 0.912 } },
    ],
    [null, 0.3, { event_type: 'faq_answer', event_payload: { confidence: 0.3 } }],
  ])('for %s', (id, confidence, expected) => {
    expect(buildAnswerMetadata(id, confidence)).toEqual(expected);
  });
});

describe('paginateBlocks', () => {
  const section = (n: number) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: String(n) } });
  it.each([
    [3, 2, 1],
    [47, 3, 1],
    [48, 3, 2],
    [120, 3, 3],
  ])('%i body + %i tail blocks make %i message(s) of at most 50', (bodyCount, tailCount, messages) => {
    const body = Array.from({ length: bodyCount }, (_, i) => section(i));
    const tail = Array.from({ length: tailCount }, (_, i) => section(1000 + i));
    const pages = paginateBlocks('t', [], body, tail, en);
    expect(pages).toHaveLength(messages);
    expect(pages.flatMap((p) => p.blocks)).toEqual([...body, ...tail]);
    for (const page of pages) expect(page.blocks.length).toBeLessThanOrEqual(50);
  });
});
