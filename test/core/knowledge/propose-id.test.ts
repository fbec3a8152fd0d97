import { describe, expect, it } from 'vitest';
import { proposeId, proposeTags, proposeTopic } from '../../../src/core/knowledge/propose-id.js';

describe('proposeId', () => {
  it.each([
    ['什么是 ICP 备案号？', 'icp-number-what-is'],
    ['为什么备案号会被注销？', 'icp-number-cancel'],
    ['空壳网站的影响', 'shell-site-impact'],
    ['注销空壳主体', 'cancel-shell-entity'],
    ['备案密码如何验证是否正确？', 'filing-password-verify'],
    ['忘记备案密码，如何找回？', 'forgot-filing-password'],
    ['How long is a Beian number valid?', 'long-beian'],
    ['备案号 ICP number', 'icp-number'],
    ['备案流程', 'process-filing'],
  ])('proposes a readable id for %s', (title, id) => {
    expect(proposeId(title, new Set())).toBe(id);
  });

  it('falls back to a short stable hash, never a counter, when no term is known', () => {
    const id = proposeId('随便问问', new Set());
    expect(id).toMatch(/^q-[0-9a-z]{1,5}$/);
    expect(proposeId('随便问问', new Set())).toBe(id);
  });

  it('takes in more terms on a clash, then a hash of the question, and records what it hands out', () => {
    const taken = new Set(['filing-password']);
    expect(proposeId('备案密码在哪里查看？', taken)).toBe('filing-password-view');
    expect(proposeId('备案密码在哪里查看？', taken)).toBe('filing-password-view-where');
    const third = proposeId('备案密码在哪里查看？', taken);
    expect(third).toMatch(/^filing-password-view-where-[0-9a-z]{1,5}$/);
    expect(taken).toEqual(new Set(['filing-password', 'filing-password-view', 'filing-password-view-where', third]));
  });
});

describe('proposeTopic', () => {
  it.each([
    ['备案号被管局注销之后是否可以恢复？', 'cancellation'],
    ['注销空壳主体', 'shell-entities'],
    ['备案证书在哪里获取', 'certificates'],
    ['什么是 ICP 备案号？', null],
    ['备案号的使用有什么要求？', null],
  ])('guesses the topic of %s', (title, topic) => {
    expect(proposeTopic(title)).toBe(topic);
  });
});

describe('proposeTags', () => {
  it('pairs each domain term with its English tag, each once, at most eight', () => {
    expect(proposeTags('空壳网站的影响')).toEqual(['空壳网站', 'shell site']);
    expect(proposeTags('备案号备案号')).toEqual(['备案号', 'ICP number']);
    expect(proposeTags('取得备案后，备案号被管局注销之后是否可以恢复有效期')).toHaveLength(8);
    expect(proposeTags('备案号的备案')).toEqual(['备案号', 'ICP number']);
  });
});
