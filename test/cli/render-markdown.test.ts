import { describe, expect, it } from 'vitest';
import { chooseStyle, renderMarkdown } from '../../src/cli/render-markdown.js';

describe('renderMarkdown', () => {
  it.each([
    ['bold', 'a **b** c', 'a b c'],
    ['a link', 'see [the query](https://beian.miit.gov.cn/)', 'see the query (https://beian.miit.gov.cn/)'],
    ['a bare link', 'see https://beian.miit.gov.cn/', 'see https://beian.miit.gov.cn/'],
    ['an image', '![footer](https://example.com/f.png)', '[图片/image: footer] https://example.com/f.png'],
    ['an image without alt text', '![](https://example.com/f.png)', '[图片/image: —] https://example.com/f.png'],
    ['a bullet list', '- one\n- two', '  • one\n  • two'],
    ['numbered steps', '1. first\n2. second', '  1. first\n  2. second'],
    ['steps starting at 3', '3. third\n4. fourth', '  3. third\n  4. fourth'],
    ['a nested list', '1. step\n   - detail', '  1. step\n       • detail'],
    ['a block quote', '> careful', '│ careful'],
    ['a sub-heading', '### Details\n\ntext', 'Details\n\ntext'],
    ['an HTML comment', '<!-- note -->\n\ntext', 'text'],
    ['inline code', 'run `beian ask`', 'run `beian ask`'],
    ['escaped characters', 'a &amp; b < c', 'a & b < c'],
  ])('renders %s', (_name, markdown, text) => {
    expect(renderMarkdown(markdown)).toBe(text);
  });

  it('uses ANSI bold when colour is on', () => {
    expect(renderMarkdown('a **b**', chooseStyle(true))).toBe('a \x1b[1mb\x1b[22m');
  });
});
