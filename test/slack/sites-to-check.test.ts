import { describe, expect, it } from 'vitest';
import { sitesToCheck } from '../../src/slack/listeners/assistant/assistant.js';

describe('sitesToCheck (assistant threads)', () => {
  it.each([
    ['<https://a.example|a.example>', ['https://a.example']],
    ['check <https://a.example|a.example>', ['https://a.example']],
    ['帮我检查一下 <https://a.example|a.example>', ['https://a.example']],
    ['<https://a.example|a.example> <https://b.example|b.example>', ['https://a.example', 'https://b.example']],
    ['我的网站 <https://a.example|a.example> 的备案号要放在哪里', []],
    ['where should the number go on <https://a.example|a.example> and its subdomains?', []],
    ['does the beian number expire?', []],
  ])('%s → %j', (text, sites) => {
    expect(sitesToCheck(text)).toEqual(sites);
  });
});
