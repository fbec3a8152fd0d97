import { describe, expect, it } from 'vitest';
import {
  encodeLinkUrl,
  escapeMrkdwn,
  escapePageText,
  MAX_SECTION_CHARS,
  markdownToBlocks,
  markdownToMrkdwn,
  splitText,
} from '../../../src/slack/blocks/mrkdwn.js';

const INDENT = '\u2003';
const Z = '\u200B';

describe('markdownToMrkdwn', () => {
  it.each([
    ['bold', 'the **bureau** sets none', 'the *bureau* sets none'],
    ['bold inside Chinese text gets zero-width boundaries', '管局**没有**设有效期', `管局${Z}*没有*${Z}设有效期`],
    ['bold at a line start needs no boundary before it', '**管局**没有', `*管局*${Z}没有`],
    ['bold before full-width punctuation', '**挂备案号**：放在底部', `*挂备案号*${Z}：放在底部`],
    ['inline code inside Chinese text', '运行`beian`即可', `运行${Z}\`beian\`${Z}即可`],
    ['bold with underscores', '__bold__ text', '*bold* text'],
    ['italic', 'an *important* step', 'an _important_ step'],
    ['strikethrough', '~~old~~ new', '~old~ new'],
    ['inline code, escaped inside', 'run `a<b && c`', 'run `a&lt;b &amp;&amp; c`'],
    ['a link', 'see [MIIT](https://beian.miit.gov.cn/)', 'see <https://beian.miit.gov.cn/|MIIT>'],
    ['a bare URL', 'go to https://beian.miit.gov.cn/ now', 'go to <https://beian.miit.gov.cn/> now'],
    ['a link whose URL has & and |', '[q](https://x.cn/?a=1&b=2|3)', '<https://x.cn/?a=1&amp;b=2%7C3|q>'],
    ['a link with a bold label keeps the label plain', '[**MIIT**](https://x.cn/)', '<https://x.cn/|MIIT>'],
    ['an unsafe link scheme becomes text', '[click](javascript:alert(1))', 'click'],
    ['& < > escaped', 'A & B <tag> C > D', 'A &amp; B &lt;tag&gt; C &gt; D'],
    ['an escaped markdown character', '1\\. not a list', '1. not a list'],
    ['a heading becomes a bold line', '## 注意事项', '*注意事项*'],
    ['a soft line break becomes a space', 'line one\nline two', 'line one line two'],
    ['a hard line break stays', 'line one  \nline two', 'line one\nline two'],
    ['a blockquote', '> 注意：会被清理', '> 注意：会被清理'],
    ['a <placeholder> is shown as written', '访问 <your-domain> 即可', '访问 &lt;your-domain&gt; 即可'],
    ['raw HTML is shown as text, escaped', '<b>x</b> & y', '&lt;b&gt;x&lt;/b&gt; &amp; y'],
    ['a code block', '```\nif a < b {}\n```', '```\nif a &lt; b {}\n```'],
  ])('%s', (_name, markdown, expected) => {
    expect(markdownToMrkdwn(markdown)).toBe(expected);
  });
});

describe('lists', () => {
  it.each([
    ['bullets', '- one\n- two', '• one\n• two'],
    ['numbered steps', '1. 登录\n2. 提交\n3. 等待', '1. 登录\n2. 提交\n3. 等待'],
    ['numbered from another start', '3. c\n4. d', '3. c\n4. d'],
    ['nested bullets', '- a\n  - b\n    - c', `• a\n${INDENT}◦ b\n${INDENT}${INDENT}▪ c`],
    ['steps with nested bullets', '1. step\n   - detail\n2. next', `1. step\n${INDENT}◦ detail\n2. next`],
    ['bold inside an item', '- **真实**、准确', `• *真实*${Z}、准确`],
    ['a link inside an item', '- [查询](https://beian.miit.gov.cn/)', '• <https://beian.miit.gov.cn/|查询>'],
    ['task items', '- [x] done\n- [ ] todo', '• ☑ done\n• ☐ todo'],
    ['loose items', '- one\n\n- two', '• one\n• two'],
  ])('%s', (_name, markdown, expected) => {
    expect(markdownToMrkdwn(markdown)).toBe(expected);
  });
});

describe('markdownToBlocks', () => {
  it('renders paragraphs into one mrkdwn section', () => {
    expect(markdownToBlocks('First.\n\nSecond.')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'First.\n\nSecond.' } },
    ]);
  });

  it('turns an image into an image block between the text around it', () => {
    expect(markdownToBlocks('Before.\n\n![备案截图](https://example.com/a.png)\n\nAfter.')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Before.' } },
      { type: 'image', image_url: 'https://example.com/a.png', alt_text: '备案截图' },
      { type: 'section', text: { type: 'mrkdwn', text: 'After.' } },
    ]);
  });

  it('keeps a relative image as its alt text (Slack can only show absolute URLs)', () => {
    expect(markdownToBlocks('![diagram](./a.png)')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'diagram' } },
    ]);
  });

  it('gives an image without alt text a generic one (alt_text is required)', () => {
    expect(markdownToBlocks('![](https://example.com/a.png)')).toEqual([
      { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'image' },
    ]);
  });

  it('turns a horizontal rule into a divider', () => {
    expect(markdownToBlocks('a\n\n---\n\nb').map((b) => b.type)).toEqual(['section', 'divider', 'section']);
  });

  it('splits a long answer into sections of at most 3,000 characters, at paragraph boundaries', () => {
    const paragraph = '备案'.repeat(400);
    const blocks = markdownToBlocks(Array.from({ length: 10 }, () => paragraph).join('\n\n'));
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(block.type).toBe('section');
      const text = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect(text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
      expect(text.startsWith('备案')).toBe(true);
    }
    const total = blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n\n');
    expect(total).toBe(Array.from({ length: 10 }, () => paragraph).join('\n\n'));
  });

  it('returns nothing for empty markdown', () => {
    expect(markdownToBlocks('')).toEqual([]);
  });
});

describe('splitText', () => {
  it.each([
    ['short text stays whole', 'abc', 10, ['abc']],
    ['prefers a paragraph break', 'aaaa\n\nbbbb', 8, ['aaaa', 'bbbb']],
    ['then a line break', 'aaaa\nbbbb', 8, ['aaaa', 'bbbb']],
    ['then a space', 'aaaa bbbb', 8, ['aaaa', 'bbbb']],
    ['cuts hard when there is no boundary', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
  ])('%s', (_name, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('<a & b> *c* _d_')).toBe('&lt;a &amp; b&gt; *c* _d_');
  });
});

describe('escapePageText', () => {
  it.each([
    ['a channel mention', 'see <!channel>', 'see &lt;!channel&gt;'],
    ['a forged link', '<https://evil.example|✅ Pass>', '&lt;https://evil.example|✅ Pass&gt;'],
    ['a user mention', 'ask <@U0ADMIN01>', 'ask &lt;@U0ADMIN01&gt;'],
    ['text already escaped stays literal', '&lt;!here&gt;', '&amp;lt;!here&amp;gt;'],
    ['a line break that would start a line of its own', 'link\n✅ Pass', 'link ✅ Pass'],
    ['CR, tab and the Unicode line separator', 'a\r\tb\u2028c', 'a  b c'],
    ['bold', '*✅ Pass*', '\u2217✅ Pass\u2217'],
    ['italic', 'x _forged_ y', 'x \u02CDforged\u02CD y'],
    ['strike-through', '~❌ Fail~', '\u223C❌ Fail\u223C'],
    ['a code span', 'a `b` c', 'a \u02CBb\u02CB c'],
    ['a blockquote at a line start', '> quoted', '&gt; quoted'],
    ['markers inside a word are kept (Slack does not read them there)', 'my_page_name a*b', 'my_page_name a*b'],
    ['a bidi override is shown, not obeyed', 'abc\u202Egnp.exe', 'abc[U+202E]gnp.exe'],
    ['a zero-width space cannot make a word boundary', 'x\u200B*bold*\u200By', 'x[U+200B]\u2217bold\u2217[U+200B]y'],
    ['an escape sequence', 'a\u001B[2Jb', 'a[U+001B][2Jb'],
    ['NUL and a C1 control', 'a\u0000b\u009Bc', 'a[U+0000]b[U+009B]c'],
    ['ordinary Chinese text is untouched', '京ICP备05004398号-1', '京ICP备05004398号-1'],
  ])('%s', (_name, input, expected) => {
    expect(escapePageText(input)).toBe(expected);
  });
});

describe('encodeLinkUrl', () => {
  it.each([
    ['a pipe that would start the label', 'https://x.cn/a|<!channel>', 'https://x.cn/a%7C%3C!channel%3E'],
    ['a > that would end the link', 'https://x.cn/a>b', 'https://x.cn/a%3Eb'],
    ['an ampersand', 'https://x.cn/?a=1&b=2', 'https://x.cn/?a=1&amp;b=2'],
    ['a space and a control character', 'https://x.cn/a b\u0007', 'https://x.cn/a%20b%07'],
    ['a bidi override', 'https://x.cn/\u202Eexe', 'https://x.cn/%E2%80%AEexe'],
  ])('%s', (_name, input, expected) => {
    expect(encodeLinkUrl(input)).toBe(expected);
  });
});
