import { describe, expect, it } from 'vitest';
import { askedText, looksLikeQuestion, readMessage, stripMarkup } from '../../../src/core/match/read-message.js';

const roles = (message: string) => readMessage(message).map((p) => `${p.role}: ${p.text}`);

describe('stripMarkup', () => {
  it.each([
    ['a user mention', '<@U024BE7LH> 备案号', '备案号'],
    ['a mention with a name', '<@U024BE7LH|alice> 备案号', '备案号'],
    ['a special mention', '<!here> 备案号', '备案号'],
    ['a channel link', 'see <#C123ABC|beian-help> 备案号', 'see 备案号'],
    ['a URL link, keeping its label', 'check <https://beian.miit.gov.cn|the MIIT site>', 'check the MIIT site'],
    ['a bare URL link', 'check <https://beian.miit.gov.cn>', 'check'],
    ['an emoji shortcode', '备案通过了 :tada:', '备案通过了'],
    ['a code block', '备案号\n```\nnginx -s reload\n```', '备案号'],
    ['inline code', 'the `server_name` 备案号', 'the 备案号'],
    ['a typed @name', '@备案小助手 备案号', '备案号'],
  ])('drops %s', (_name, input, expected) => {
    expect(stripMarkup(input).replace(/\s+/g, ' ').trim()).toBe(expected);
  });
});

describe('readMessage', () => {
  it('marks the question, the context and a quote', () => {
    expect(roles('hi @bot，客户今天很着急。\n> 我们的备案被注销了\n请问怎么恢复？谢谢')).toEqual([
      'quote: 我们的备案被注销了',
      'context: 客户今天很着急。',
      'question: 请问怎么恢复？',
    ]);
  });

  it('takes a long quotation out of its sentence as a quote, and leaves a short one in place', () => {
    expect(roles('客户邮件里写：“贵司通知我们的网站被认定为空壳网站了” 这是什么意思？')).toEqual([
      'quote: 贵司通知我们的网站被认定为空壳网站了',
      'context: 客户邮件里写：',
      'question: 这是什么意思？',
    ]);
    expect(roles('底部那串“粤ICP备123号”代表什么？')).toEqual(['question: 底部那串“粤ICP备123号”代表什么？']);
  });

  it.each([
    ['Chinese greetings', '早上好！下午好，备案号怎么查？', ['question: 备案号怎么查？']],
    [
      'English greetings and thanks',
      'Hey there. How do I cancel a filing? Thanks a lot!',
      ['context: there.', 'question: How do I cancel a filing?'],
    ],
    ['a sign-off after the question', '备案号怎么查？谢谢！', ['question: 备案号怎么查？']],
  ])('drops %s', (_name, message, expected) => {
    expect(roles(message)).toEqual(expected);
  });

  it('reads who asked, at the head of a question sentence, as context', () => {
    const roles = (m: string) => readMessage(m).map((p) => [p.role, p.text]);
    expect(roles('有个海外客户问我网站底部那串备案号是什么意思？')).toEqual([
      ['context', '有个海外客户问我'],
      ['question', '网站底部那串备案号是什么意思？'],
    ]);
    expect(roles('a client asked me whether the beian number expires?')).toEqual([
      ['context', 'a client asked me'],
      ['question', 'whether the beian number expires?'],
    ]);
    // A question about a customer is not a report of one.
    expect(roles('客户的备案号会过期吗？')).toEqual([['question', '客户的备案号会过期吗？']]);
  });

  it('keeps words that merely end like a sign-off', () => {
    expect(roles('what is a shell entity')).toEqual(['question: what is a shell entity']);
  });

  it('reads a message with no question in it as all question', () => {
    expect(roles('备案号 注销')).toEqual(['question: 备案号 注销']);
  });

  it.each([
    ['empty', ''],
    ['markup only', '<@U024BE7LH> :wave:'],
    ['greetings only', 'hi! 谢谢'],
  ])('gives no parts for %s', (_name, message) => {
    expect(readMessage(message)).toEqual([]);
  });

  it('reads a very long message only up to a bound', () => {
    const parts = readMessage('备案号怎么注销？'.repeat(5000));
    expect(parts.length).toBeLessThanOrEqual(600);
  });
});

describe('askedText', () => {
  it('keeps the question and the quoted text, and drops the mention, greeting and context', () => {
    const message = '<@U0BOT> 早上好！我是销售，客户邮件里说：“网站被认定为空壳网站” 这是什么意思？';
    expect(askedText(message)).not.toMatch(/U0BOT|早上好|我是销售/);
    expect(askedText(message)).toContain('空壳网站');
    expect(askedText(message)).toContain('这是什么意思');
  });

  it('gives a message without context back whole', () => {
    expect(askedText('备案号会过期吗')).toBe('备案号会过期吗');
  });
});

describe('looksLikeQuestion', () => {
  it.each(['备案号怎么查', '能不能加急？', 'How do I cancel?', 'is it permanent', 'ok?'])('%s is a question', (t) => {
    expect(looksLikeQuestion(t)).toBe(true);
  });
  it.each(['', '好的', 'thanks', '收到 备案通过了'])('%s is not', (t) => {
    expect(looksLikeQuestion(t)).toBe(false);
  });
});
