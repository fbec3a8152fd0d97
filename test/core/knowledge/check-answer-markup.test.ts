import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../../src/core/knowledge/build-knowledge-base.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';

const entry = (answer: string, front = 'topic: validity\n') =>
  `---\nid: x\n${front}tags: [有效期, validity]\nsource:\n  title: T\n  url: https://example.com/p\nreviewed: 2026-01-01\n---\n\n# 问题？\n\n## Questions\n- 问\n\n## Answer\n\n${answer}\n`;
// The answer starts on line 18 of the file above.
const lint = (answer: string) =>
  parseKnowledgeFile(entry(answer), 'x.md', { today: '2026-12-01', checkMarkup: true }).problems.map((p) => [
    p.line,
    p.message,
  ]);

describe('kb lint rejects what imports used to leave in answers', () => {
  it.each([
    [
      'a raw anchor',
      '第一段。\n\n<span id="question3"></span>',
      20,
      /^raw HTML anchor <span id="question3"> in the answer/,
    ],
    [
      'a raw Tencent notice mark',
      '说明：\n\n>?\n> - 一',
      20,
      /^Tencent notice mark ">\?" left raw; write "> \*\*说明 \/ Tip:\*\*"/,
    ],
    [
      'a notice whose items run into the label',
      '> **注意 / Note:** >- 一\n> - 二',
      18,
      /^notice items run into the notice label/,
    ],
    ['a relative link', '见\n[说明](../a.html)。', 19, /^relative link "\.\.\/a\.html" cannot be followed/],
    ['a relative image', '![图](img/a.png)', 18, /^relative link "img\/a\.png"/],
  ])('%s, on its own line', (_name, answer, line, message) => {
    const problems = lint(answer);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.[0]).toBe(line);
    expect(problems[0]?.[1]).toMatch(message);
  });

  it('accepts clean notices, absolute links and code that shows markup', () => {
    expect(
      lint('> **说明 / Tip:**\n> - 一\n\n[a](https://x.example.com/a) [b](#c)\n\n```\n>? <span id="a"></span>\n```'),
    ).toEqual([]);
  });

  it('leaves loading alone: only lint asks for it', () => {
    const file = entry('[说明](../a.html)');
    expect(parseKnowledgeFile(file, 'x.md', { today: '2026-12-01' }).problems).toEqual([]);
  });
});

describe('kb lint says what a missing field expects', () => {
  it('names title and url for a missing source', () => {
    const text = entry('答。').replace('source:\n  title: T\n  url: https://example.com/p\n', '');
    const [problem] = parseKnowledgeFile(text, 'x.md', { today: '2026-12-01' }).problems;
    expect(problem?.message).toBe(
      'missing required field "source" (a mapping of the page the facts come from: title: its name, url: its http(s) address)',
    );
  });

  it('lists the topics the other files use for a missing topic', () => {
    const files = [
      { file: 'a.md', text: entry('答。').replace('id: x', 'id: a') },
      { file: 'b.md', text: entry('答。', '').replace('id: x', 'id: b').replace('- 问', '- 另一问') },
    ];
    expect(() => buildKnowledgeBase(files, { today: '2026-12-01' })).toThrow(
      'b.md:1: missing required field "topic" (existing topics: validity)',
    );
  });
});
