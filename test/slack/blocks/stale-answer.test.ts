import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { buildAnswerMessages } from '../../../src/slack/blocks/answer.js';
import { en } from '../../../src/slack/messages/en.js';
import { zhCN } from '../../../src/slack/messages/zh-cn.js';

const entry: Entry = {
  id: 'validity-period',
  title: '备案号的有效期是多久？',
  questions: [],
  topic: 'validity',
  tags: [],
  answer: '没有有效期。',
  source: { title: 'S', url: 'https://example.com/s' },
  reviewed: '2026-01-15',
  reviewEvery: 180,
  file: 'validity.md',
  line: 1,
};

const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('an answer from an entry past its review date', () => {
  it.each([
    [en, '⚠️ Last reviewed 2026-01-15; may be out of date.'],
    [zhCN, '⚠️ 最近审核于 2026-01-15，内容可能已过时'],
  ])('says so under the title (%#)', (t, notice) => {
    const [message] = buildAnswerMessages({ entry, suggestions: [], variant: 'reply', t, today: '2026-12-02' });
    expect(message?.blocks[0]).toMatchObject({ type: 'header' });
    expect(message?.blocks[1]).toMatchObject({ type: 'context' });
    expect(texts([message?.blocks[1]])).toContain(notice);
  });

  it.each([
    ['not yet due', '2026-07-14'],
    ['without a day to judge by', undefined],
  ])('says nothing when %s', (_name, today) => {
    const [message] = buildAnswerMessages({ entry, suggestions: [], variant: 'reply', t: en, today });
    expect(texts(message?.blocks ?? [])).not.toContain('may be out of date');
  });
});
