import { describe, expect, it } from 'vitest';
import { toAnswerJson } from '../../../src/core/knowledge/answer-json.js';
import type { Entry } from '../../../src/core/knowledge/types.js';

const entry: Entry = {
  id: 'validity-period',
  title: 'T',
  questions: ['q'],
  topic: 'validity',
  tags: ['t'],
  answer: 'A **b**',
  source: { title: 'S', url: 'https://example.com/s' },
  reviewed: '2026-01-01',
  file: 'validity.md',
  line: 1,
};
const suggestion = { id: 'other', title: 'Other', confidence: 0.123456 };

describe('toAnswerJson', () => {
  it('shapes an answered result with exactly the documented keys', () => {
    const json = toAnswerJson({
      question: 'q?',
      answered: true,
      confidence: 0.87654,
      best: entry,
      suggestions: [suggestion],
    });
    expect(json).toEqual({
      question: 'q?',
      answered: true,
      confidence: 0.877,
      entry: { id: 'validity-period', title: 'T', topic: 'validity', answer: 'A **b**', source: entry.source },
      suggestions: [{ id: 'other', title: 'Other', confidence: 0.123 }],
    });
    expect(Object.keys(json.entry ?? {})).toEqual(['id', 'title', 'topic', 'answer', 'source']);
  });

  it('gives a null entry when not answered, even with a best candidate', () => {
    const json = toAnswerJson({ question: 'q?', answered: false, confidence: 0.3, best: entry, suggestions: [] });
    expect(json).toMatchObject({ answered: false, entry: null, confidence: 0.3 });
  });
});
