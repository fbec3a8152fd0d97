import { describe, expect, it } from 'vitest';
import { mrkdwnToMarkdown } from '../../../src/core/knowledge/convert-mrkdwn.js';

describe('mrkdwnToMarkdown', () => {
  it.each([
    ['*bold* and _italic_ and ~gone~', '**bold** and *italic* and ~~gone~~'],
    ['备案号*不会*过期', '备案号**不会**过期'],
    ['keep snake_case_name and 2*3*4', 'keep snake_case_name and 2*3*4'],
    ['see <https://beian.miit.gov.cn/|the MIIT site>', 'see [the MIIT site](https://beian.miit.gov.cn/)'],
    ['bare <https://example.com/a?b=1&amp;c=2>', 'bare <https://example.com/a?b=1&c=2>'],
    ['<@U0EXPERT1> says hi <!here>', 'says hi'],
    ['ask in <#C0CHAN001|general>', 'ask in #general'],
    ['a &lt;b&gt; &amp; c', 'a <b> & c'],
    ['`*not bold*` here', '`*not bold*` here'],
    ['# not a heading', '\\# not a heading'],
    ['&gt; quoted *line*', '> quoted **line**'],
  ])('converts %j', (input, expected) => {
    expect(mrkdwnToMarkdown(input)).toBe(expected);
  });

  it('turns Slack bullets into a markdown list, nested by bullet, set apart from the paragraph before it', () => {
    expect(mrkdwnToMarkdown('Steps:\n• first\n    ◦ inner\n• second')).toBe('Steps:\n\n- first\n  - inner\n- second');
  });

  it('keeps numbered lists', () => {
    expect(mrkdwnToMarkdown('1. one\n2) two')).toBe('1. one\n2. two');
  });

  it('puts code fences on lines of their own and converts nothing inside them', () => {
    expect(mrkdwnToMarkdown('run ```npm *ci* &amp;&amp; go``` now')).toBe('run\n```\nnpm *ci* && go\n```\nnow');
  });
});
