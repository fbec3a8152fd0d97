import { describe, expect, it } from 'vitest';
import { KnowledgeBaseError } from '../../../src/core/errors.js';
import { buildKnowledgeBase } from '../../../src/core/knowledge/build-knowledge-base.js';

function entryFile(id: string, topic: string, questions: string[]): string {
  return [
    '---',
    `id: ${id}`,
    `topic: ${topic}`,
    'tags: [t]',
    'source:',
    '  title: S',
    '  url: https://example.com/s',
    'reviewed: 2026-01-01',
    '---',
    '',
    `# Title of ${id}`,
    '',
    '## Questions',
    ...questions.map((q) => `- ${q}`),
    '',
    '## Answer',
    '',
    'Text.',
    '',
  ].join('\n');
}

function problemsOf(files: { file: string; text: string }[]): string[] {
  try {
    buildKnowledgeBase(files, { today: '2026-06-01' });
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('buildKnowledgeBase', () => {
  it('sorts files by path and lists topics in first-seen order', () => {
    const kb = buildKnowledgeBase(
      [
        { file: 'z/last.md', text: entryFile('last', 'display', ['q1']) },
        { file: 'b.md', text: entryFile('bee', 'validity', ['q2']) },
        { file: 'a.md', text: entryFile('ay', 'cancellation', ['q3']) },
        { file: 'c.md', text: entryFile('cee', 'validity', ['q4']) },
      ],
      { today: '2026-06-01' },
    );
    expect(kb.entries.map((e) => e.id)).toEqual(['ay', 'bee', 'cee', 'last']);
    expect(kb.topics).toEqual(['cancellation', 'validity', 'display']);
    expect(kb.byId.get('cee')?.file).toBe('c.md');
  });

  it('names both files when two entries share an id', () => {
    const problems = problemsOf([
      { file: 'b.md', text: entryFile('same', 't', ['q1']) },
      { file: 'a.md', text: entryFile('same', 't', ['q2']) },
    ]);
    expect(problems).toEqual(['b.md:2: duplicate id "same": a.md:2 and b.md:2 both use it']);
  });

  it.each([
    ['the same text', '备案号会过期吗', '备案号会过期吗'],
    ['different case and spacing', 'Does it  expire', 'does it expire'],
    ['full-width and half-width forms', 'ＩＣＰ备案号', 'ICP备案号'],
    ['a closing question mark', '备案号会过期吗？', '备案号会过期吗'],
  ])('names both files when two entries share a question (%s)', (_name, first, second) => {
    const problems = problemsOf([
      { file: 'a.md', text: entryFile('one', 't', ['other', first]) },
      { file: 'b.md', text: entryFile('two', 't', [second]) },
    ]);
    expect(problems).toEqual([
      `b.md:14: question "${second}" is also listed in a.md:15; a question may answer to one entry only`,
    ]);
  });

  it('collects problems from every file at once, sorted by file and line', () => {
    const problems = problemsOf([
      { file: 'b.md', text: entryFile('Bad', 't', ['q1']) },
      { file: 'a.md', text: entryFile('ok', 't', []) },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^a\.md:13: ## Questions has no questions/),
      expect.stringMatching(/^b\.md:2: id must be kebab-case/),
    ]);
  });
});
