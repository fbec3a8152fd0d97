import { describe, expect, it } from 'vitest';
import { createReloadableCore } from '../../src/core/bot-core.js';
import { buildKnowledgeBase } from '../../src/core/knowledge/build-knowledge-base.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';

const file = (answer: string) => ({
  file: 'validity/v.md',
  text: [
    '---',
    'id: v',
    'topic: validity',
    'tags: [有效期]',
    'source:',
    '  title: t',
    '  url: https://example.com/',
    'reviewed: 2026-01-01',
    '---',
    '',
    '# 备案号会过期吗？',
    '',
    '## Questions',
    '- 备案号有效期',
    '',
    '## Answer',
    '',
    answer,
    '',
  ].join('\n'),
});

describe('createReloadableCore', () => {
  it('swaps knowledge base and matcher together; a question already matched keeps the old entry', () => {
    const oldKb = buildKnowledgeBase([file('old answer')]);
    const newKb = buildKnowledgeBase([file('new answer')]);
    const core = createReloadableCore({ kb: oldKb, matcher: createMatcher(oldKb) }, async () => {
      throw new Error('unused');
    });
    const inFlight = core.matcher.match('备案号会过期吗');
    core.replaceKnowledge({ kb: newKb, matcher: createMatcher(newKb) });
    expect(inFlight.best?.answer).toBe('old answer');
    expect(core.kb).toBe(newKb);
    expect(core.matcher.match('备案号会过期吗').best?.answer).toBe('new answer');
  });
});
