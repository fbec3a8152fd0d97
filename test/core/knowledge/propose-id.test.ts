import { describe, expect, it } from 'vitest';
import { proposeId, proposeTags, proposeTopic } from '../../../src/core/knowledge/propose-id.js';

describe('proposeId', () => {
  it.each([
    ['什么是 ICP 备案号？', 'what-is-icp-number'],
    ['为什么备案号会被注销？', 'why-icp-number-cancel'],
    ['空壳网站的影响', 'shell-site-impact'],
    ['注销空壳主体', 'cancel-shell-entity'],
    ['How long is a Beian number valid?', 'how-long-beian-number'],
    ['备案号 ICP number', 'icp-number'],
  ])('proposes a readable id for %s', (title, id) => {
    expect(proposeId(title, new Set(), 1)).toBe(id);
  });

  it('falls back to a numbered id when no term is known', () => {
    expect(proposeId('随便问问', new Set(), 7)).toBe('faq-7');
  });

  it('numbers clashes and records what it hands out', () => {
    const taken = new Set(['what-is-shell-site']);
    expect(proposeId('什么是空壳网站', taken, 1)).toBe('what-is-shell-site-2');
    expect(proposeId('什么是空壳网站', taken, 2)).toBe('what-is-shell-site-3');
    expect(taken).toEqual(new Set(['what-is-shell-site', 'what-is-shell-site-2', 'what-is-shell-site-3']));
  });
});

describe('proposeTopic', () => {
  it.each([
    ['备案号被管局注销之后是否可以恢复？', 'cancellation'],
    ['注销空壳主体', 'shell-entities'],
    ['备案证书在哪里获取', 'certificates'],
    ['什么是 ICP 备案号？', null],
  ])('guesses the topic of %s', (title, topic) => {
    expect(proposeTopic(title)).toBe(topic);
  });
});

describe('proposeTags', () => {
  it('pairs each domain term with its English tag, each once, at most eight', () => {
    expect(proposeTags('空壳网站的影响')).toEqual(['空壳网站', 'shell site']);
    expect(proposeTags('备案号备案号')).toEqual(['备案号', 'ICP number']);
    expect(proposeTags('取得备案后，备案号被管局注销之后是否可以恢复有效期')).toHaveLength(8);
  });
});
