import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { ACTION } from '../../../src/slack/blocks/action-ids.js';
import { buildAnswerMessages, buildNoAnswerMessage } from '../../../src/slack/blocks/answer.js';
import { describeEscalation, formatEscalation } from '../../../src/slack/blocks/escalation.js';
import { buildAnswerMetadata, paginateBlocks } from '../../../src/slack/blocks/message.js';

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
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'reply' });
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

  it.each([
    ['reply', [ACTION.helpful, ACTION.notHelpful, 'suggestion_pick_0', 'suggestion_pick_1', 'suggestion_pick_2']],
    ['shared', [ACTION.helpful, ACTION.notHelpful, 'suggestion_pick_0', 'suggestion_pick_1', 'suggestion_pick_2']],
    [
      'ephemeral',
      [ACTION.share, ACTION.helpful, ACTION.notHelpful, 'suggestion_pick_0', 'suggestion_pick_1', 'suggestion_pick_2'],
    ],
    ['triage', [ACTION.solved, ACTION.needPerson]],
  ] as const)('gives a %s answer its buttons (at most three suggestions)', (variant, expected) => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions, variant });
    expect(actionIds(message?.blocks ?? [])).toEqual(expected);
  });

  it('labels suggestions "Did you mean …?" and carries the entry id as the value', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions, variant: 'reply' });
    const json = JSON.stringify(message?.blocks);
    expect(json).toContain('"text":"Did you mean: 备案为什么被注销？"');
    const plain = buildAnswerMessages({
      entry: entry(),
      suggestions: [{ id: 'x', title: 'How to check a filing', confidence: 0.5 }],
      variant: 'reply',
    });
    expect(JSON.stringify(plain[0]?.blocks)).toContain('"text":"Did you mean: How to check a filing?"');
    expect(json).toContain('"value":"why-cancelled"');
  });

  it('marks a triage answer as a suggestion', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'triage' });
    expect(JSON.stringify(message?.blocks[0])).toContain('Suggested answer');
  });

  it('says who shared an answer', () => {
    const [message] = buildAnswerMessages({ entry: entry(), suggestions: [], variant: 'shared', sharedBy: 'U1' });
    expect(JSON.stringify(message?.blocks[0])).toContain('Shared by <@U1>');
  });

  it('truncates a title beyond the header limit of 150 characters', () => {
    const long = { ...entry(), title: '长'.repeat(200) };
    const [message] = buildAnswerMessages({ entry: long, suggestions: [], variant: 'reply' });
    const header = message?.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });

  it('spreads an answer longer than 50 blocks over several messages, buttons on the last', () => {
    const answer = Array.from({ length: 70 }, (_, i) => `Paragraph ${i}\n\n---`).join('\n\n');
    const messages = buildAnswerMessages({ entry: entry(answer), suggestions: [], variant: 'reply' });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(actionIds(messages.at(-1)?.blocks ?? [])).toEqual([ACTION.helpful, ACTION.notHelpful]);
    expect(actionIds(messages[0]?.blocks ?? [])).toEqual([]);
    expect(messages[1]?.text).toContain('(continued)');
  });
});

describe('buildNoAnswerMessage', () => {
  it('says there is no answer, offers suggestions, and names the escalation target', () => {
    const message = buildNoAnswerMessage({ suggestions: suggestions.slice(0, 2), escalation: 'S0HELP001' });
    const json = JSON.stringify(message.blocks);
    expect(message.text).toBe("I couldn't find an answer to that in the knowledge base.");
    expect(actionIds(message.blocks)).toEqual(['suggestion_pick_0', 'suggestion_pick_1']);
    expect(json).toContain('<!subteam^S0HELP001>');
  });

  it('without suggestions or escalation, says to ask in the channel', () => {
    const message = buildNoAnswerMessage({ suggestions: [], escalation: undefined });
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
    expect(describeEscalation('U0HELP001')).toBe('To reach a person, ask <@U0HELP001>.');
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
    const pages = paginateBlocks('t', [], body, tail);
    expect(pages).toHaveLength(messages);
    expect(pages.flatMap((p) => p.blocks)).toEqual([...body, ...tail]);
    for (const page of pages) expect(page.blocks.length).toBeLessThanOrEqual(50);
  });
});
