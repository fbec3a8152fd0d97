import { describe, expect, it } from 'vitest';
import { latestToday, parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';

const TODAY = '2026-06-01';

// Line numbers below refer to this file: front matter 1-9, title 11, questions 13-15, answer 17, ### 21.
const VALID = `---
id: validity-period
topic: validity
tags: [有效期, validity]
source:
  title: Example FAQ
  url: https://example.com/faq
reviewed: 2026-05-01
---

# 备案号的有效期是多久？ / How long is it valid?

## Questions
- 备案号会过期吗
- does the number expire

## Answer

It does **not** expire.

### Details

Keep the details accurate.
`;

function parse(text: string) {
  return parseKnowledgeFile(text, 'entry.md', { today: TODAY });
}

describe('parseKnowledgeFile on a valid file', () => {
  it('returns the entry with every field', () => {
    const { entry, problems } = parse(VALID);
    expect(problems).toEqual([]);
    expect(entry).toMatchObject({
      id: 'validity-period',
      topic: 'validity',
      tags: ['有效期', 'validity'],
      title: '备案号的有效期是多久？ / How long is it valid?',
      questions: ['备案号会过期吗', 'does the number expire'],
      source: { title: 'Example FAQ', url: 'https://example.com/faq' },
      reviewed: '2026-05-01',
      file: 'entry.md',
      line: 1,
    });
  });

  it('keeps ### sub-headings inside the answer', () => {
    expect(parse(VALID).entry?.answer).toBe('It does **not** expire.\n\n### Details\n\nKeep the details accurate.');
  });

  it('reads CRLF files with the same lines', () => {
    expect(parse(VALID.replaceAll('\n', '\r\n')).entry?.questions).toEqual([
      '备案号会过期吗',
      'does the number expire',
    ]);
  });

  it('ignores an HTML comment in ## Questions', () => {
    const text = VALID.replace('## Questions\n', '## Questions\n<!-- editors: keep these short -->\n');
    expect(parse(text).problems).toEqual([]);
  });
});

describe.each([
  ['no front matter', VALID.slice(VALID.indexOf('# 备案号')), 1, 'missing front matter'],
  ['unterminated front matter', VALID.replace('---\n\n#', '\n#'), 1, 'unterminated front matter'],
  ['bad YAML', VALID.replace('topic: validity', 'topic: validity: yes'), 3, 'bad YAML'],
  ['a repeated key', VALID.replace('topic: validity', 'topic: validity\ntopic: display'), 4, 'bad YAML'],
  ['a list for front matter', VALID.replace(/^---\n[\s\S]*?\n---/, '---\n- a\n- b\n---'), 1, 'must be a mapping'],
  ['empty front matter', VALID.replace(/^---\n[\s\S]*?\n---/, '---\n---'), 1, 'missing required field "reviewed"'],
  ['an unknown field', VALID.replace('topic: validity', 'topic: validity\nauthor: me'), 4, 'unknown field "author"'],
  ['an unknown source field', VALID.replace('  url:', '  lang: zh\n  url:'), 7, 'unknown field "lang" in source'],
  ['a missing id', VALID.replace('id: validity-period\n', ''), 1, 'missing required field "id"'],
  ['a non-kebab id', VALID.replace('validity-period', 'Validity_Period'), 2, 'id must be kebab-case'],
  ['a non-kebab topic', VALID.replace('topic: validity', 'topic: Valid ity'), 3, 'topic must be'],
  ['empty tags', VALID.replace('[有效期, validity]', '[]'), 4, 'tags must list at least one tag'],
  ['a blank tag', VALID.replace('[有效期, validity]', '[有效期, " "]'), 4, 'a tag must not be empty'],
  ['tags that are not a list', VALID.replace('[有效期, validity]', '有效期'), 4, 'field "tags" must be a list'],
  ['a missing source', VALID.replace(/source:\n.*\n.*\n/, ''), 1, 'missing required field "source"'],
  ['a missing source url', VALID.replace(/ {2}url: .*\n/, ''), 5, 'missing required field "source.url"'],
  ['a malformed url', VALID.replace('https://example.com/faq', 'not a url'), 7, 'source.url must be an http(s) URL'],
  ['a non-http url', VALID.replace('https://example.com/faq', 'ftp://example.com/faq'), 7, 'http(s) URL'],
  ['an empty source title', VALID.replace('Example FAQ', '""'), 6, 'source.title must not be empty'],
  ['a malformed date', VALID.replace('2026-05-01', '2026/05/01'), 8, 'real calendar date'],
  ['an impossible date', VALID.replace('2026-05-01', '2026-02-30'), 8, 'real calendar date'],
  ['a future date', VALID.replace('2026-05-01', '2026-06-02'), 8, 'must not be in the future'],
  ['a missing title', VALID.replace('# 备案号的有效期是多久？ / How long is it valid?\n', ''), 10, 'missing # title'],
  ['a second title', VALID.replace('## Answer', '# Another title\n\n## Answer'), 17, 'more than one # title'],
  ['a missing Questions section', VALID.replace(/## Questions\n.*\n.*\n/, ''), 11, 'missing ## Questions'],
  ['an empty Questions list', VALID.replace(/- 备案号会过期吗\n.*\n/, ''), 13, '## Questions has no questions'],
  ['prose in Questions', VALID.replace('## Questions\n', '## Questions\nSome prose.\n\n'), 14, 'only a "- " list'],
  ['a duplicate question', VALID.replace('- does the number expire', '- 备案号会过期吗？'), 15, 'duplicate question'],
  ['an empty answer', VALID.replace(/## Answer\n[\s\S]*$/, '## Answer\n\n<!-- TODO -->\n'), 17, '## Answer is empty'],
  ['a missing Answer section', VALID.replace(/## Answer\n[\s\S]*$/, ''), 11, 'missing ## Answer'],
  ['an unknown section', VALID.replace('### Details', '## Details'), 21, 'unknown section "## Details"'],
  ['a repeated section', `${VALID}\n## Questions\n- again\n`, 25, '## Questions appears twice'],
  ['text before the first section', VALID.replace('## Questions', 'Intro.\n\n## Questions'), 13, 'outside any section'],
])('parseKnowledgeFile with %s', (_name, text, line, message) => {
  it(`reports "${message}" on line ${line} and returns no entry`, () => {
    const { entry, problems } = parse(text);
    expect(entry).toBeNull();
    expect(problems).toContainEqual({ file: 'entry.md', line, message: expect.stringContaining(message) });
  });
});

describe('parseKnowledgeFile with unterminated front matter', () => {
  it('reports only that, not the title and sections it cannot find', () => {
    const { problems } = parse(VALID.replace('---\n\n#', '\n#'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('unterminated front matter')]);
  });
});

describe('parseKnowledgeFile with several problems', () => {
  it('reports every one of them at once', () => {
    const text = VALID.replace('validity-period', 'Bad Id')
      .replace('2026-05-01', 'soon')
      .replace('## Answer', '## Answr');
    const messages = parse(text).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringContaining('2: id must be kebab-case'),
      expect.stringContaining('8: reviewed must be a real calendar date'),
      expect.stringContaining('17: unknown section "## Answr"'),
      expect.stringContaining('11: missing ## Answer'),
    ]);
  });

  it('still reports the id it could read, for the duplicate-id check', () => {
    const { id } = parse(VALID.replace('## Answer', '## Answr'));
    expect(id).toEqual({ value: 'validity-period', line: 2 });
  });
});

describe('latestToday', () => {
  it.each([
    ['2026-06-01T00:00:00Z', '2026-06-01'],
    ['2026-06-01T10:00:00Z', '2026-06-02'],
  ])('at %s allows dates up to %s (already tomorrow somewhere)', (now, today) => {
    expect(latestToday(new Date(now))).toBe(today);
  });
});

// Each built from a file that once crashed or stalled the loader; answer text starts on line 19.
const withAnswer = (answer: string) => VALID.replace(/## Answer\n[\s\S]*$/, `## Answer\n\n${answer}\n`);
const ALIAS_BOMB = VALID.replace(
  'reviewed: 2026-05-01',
  [
    'reviewed: 2026-05-01',
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghijkl'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghijkl'[i]}`)}]`),
  ].join('\n'),
);

describe.each([
  ['a YAML alias bomb', ALIAS_BOMB, 10, 'YAML aliases (*name) are not allowed'],
  ['a line of 20,000 YAML brackets', VALID.replace('reviewed: 2026-05-01', `x: ${'['.repeat(20_000)}`), 8, 'bad YAML'],
  ['a ">" × 20,000 block quote', withAnswer(`${'>'.repeat(20_000)} x`), 19, 'nested more than 32 deep'],
  ['"> " × 20,000 on one line', withAnswer(`${'> '.repeat(20_000)}x`), 19, 'nested more than 32 deep'],
  ['a 5,000-level list on one line', withAnswer(`${'- '.repeat(5_000)}x`), 19, 'nested more than 32 deep'],
  ['a 5,000-level numbered list', withAnswer(`${'1. '.repeat(5_000)}x`), 19, 'nested more than 32 deep'],
  [
    'a 5,000-level indented list',
    withAnswer(Array.from({ length: 5_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')),
    19 + 32,
    'nested more than 32 deep',
  ],
  [
    'a list nested inside block quotes',
    withAnswer(Array.from({ length: 40 }, (_, i) => `> ${'  '.repeat(i)}- x`).join('\n')),
    19 + 31,
    'nested more than 32 deep',
  ],
  ['5,000 nested emphasis markers', withAnswer(`${'*'.repeat(5_000)}a${'*'.repeat(5_000)}`), 19, 'cannot be read'],
])('parseKnowledgeFile with %s', (_name, text, line, message) => {
  it(`reports "${message}" on line ${line} instead of throwing`, () => {
    const { entry, problems } = parse(text);
    expect(entry).toBeNull();
    expect(problems).toEqual([{ file: 'entry.md', line, message: expect.stringContaining(message) }]);
  });
});

describe('parseKnowledgeFile within the nesting limit', () => {
  it.each([
    ['32 nested block quotes', `${'>'.repeat(32)} x`],
    ['a 32-level indented list', Array.from({ length: 32 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['a thematic break of 40 dashes apart', `text\n\n${'- '.repeat(40)}\n\nmore`],
    ['deeply indented code in a fence', `\`\`\`\n${' '.repeat(200)}- code\n\`\`\``],
  ])('accepts %s', (_name, answer) => {
    expect(parse(withAnswer(answer)).problems).toEqual([]);
  });
});

describe('parseKnowledgeFile with many HTML comments on one line', () => {
  it('reads a line of 40 comments and then text as answer text, at once', () => {
    const { problems, entry } = parse(withAnswer(`${'<!-- note -->'.repeat(40)} visible`));
    expect(problems).toEqual([]);
    expect(entry?.answer).toContain('visible');
  });

  it('still treats a line of comments alone as empty', () => {
    const { problems } = parse(withAnswer('<!-- a --> <!-- b -->'.repeat(40)));
    expect(problems).toContainEqual(expect.objectContaining({ message: '## Answer is empty' }));
  });
});

describe('parseKnowledgeFile with 20,000 questions', () => {
  it('finds the one duplicate with the right lines', () => {
    const questions = Array.from({ length: 20_000 }, (_, i) => `- question number ${i}`);
    const text = VALID.replace(
      /## Questions\n.*\n.*\n/,
      `## Questions\n${questions.join('\n')}\n- question number 7\n`,
    );
    const { problems } = parse(text);
    expect(problems).toEqual([
      { file: 'entry.md', line: 14 + 20_000, message: 'duplicate question "question number 7" (also on line 21)' },
    ]);
  });
});
