import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { entryKinds, kindMismatch, questionKinds } from '../../../src/core/match/question-kind.js';

describe('questionKinds', () => {
  it.each([
    ['备案审核要多久', ['duration']],
    ['How long does approval take?', ['duration']],
    ['为啥我的备案被注销了', ['why']],
    ['why was my filing cancelled', ['why']],
    ['公安备案去哪办', ['where']],
    ['where do I download the certificate', ['where']],
    ['什么是空壳网站', []],
    ['how do I cancel a filing', []],
  ])('%s', (text, kinds) => {
    expect([...questionKinds(text)].sort()).toEqual(kinds);
  });

  it('reads traditional characters too', () => {
    expect([...questionKinds('審核要多長時間')]).toEqual(['duration']);
  });
});

describe('kindMismatch', () => {
  const entry = (title: string, questions: string[]): Entry => ({
    id: 'x',
    title,
    questions,
    topic: 't',
    tags: [],
    answer: '',
    source: { title: '', url: '' },
    reviewed: '2026-01-01',
    file: 'x.md',
    line: 1,
  });
  const [blocking, approval] = entryKinds([
    entry('备案通过后网站被拦截', ['网站被阻断怎么办']),
    entry('备案审核要多久', ['how long is the review']),
  ]);

  it('holds when no phrase of the entry asks the question kind', () => {
    expect(kindMismatch(questionKinds('审批要多久'), blocking ?? new Set())).toBe(true);
    expect(kindMismatch(questionKinds('审批要多久'), approval ?? new Set())).toBe(false);
  });

  it('never holds for a question of no such kind', () => {
    expect(kindMismatch(questionKinds('怎么办'), blocking ?? new Set())).toBe(false);
  });
});
