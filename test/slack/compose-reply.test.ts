import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { BotCore } from '../../src/core/bot-core.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import { MAX_SECTION_CHARS } from '../../src/slack/blocks/mrkdwn.js';
import { composeReply } from '../../src/slack/compose-reply.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/slack-knowledge', import.meta.url));
let core: BotCore;
const config = loadConfig({ BEIAN_ESCALATION: 'C0HELPDSK' });

beforeAll(async () => {
  const kb = await loadKnowledgeBase(FIXTURE);
  core = { kb, matcher: createMatcher(kb), checkFooter: () => Promise.reject(new Error('unused')) };
});

const allText = (reply: ReturnType<typeof composeReply>) => JSON.stringify(reply.messages.flatMap((m) => m.blocks));

describe('composeReply with a fixture knowledge base and the real matcher', () => {
  it.each([
    ['备案号会过期吗', 'number-expiry'],
    ['does the beian number expire?', 'number-expiry'],
    ['公安备案在哪里办？', 'police-filing'],
  ])('answers %j with %s and its metadata', (question, id) => {
    const reply = composeReply(core, config, question, 'reply', { t: en });
    expect(reply.answered).toBe(true);
    expect(reply.metadata).toEqual({
      event_type: 'faq_answer',
      event_payload: { entry_id: id, confidence: expect.any(Number) },
    });
    expect(reply.messages[0]?.blocks[0]).toMatchObject({ type: 'header' });
  });

  it('renders the answer: numbered steps, a nested bullet, a link, an image block, escaping', () => {
    const text = allText(composeReply(core, config, '备案号会过期吗', 'reply', { t: zhCN }));
    expect(text).toContain('1. 备案信息真实、准确；');
    expect(text).toContain('\u2003◦ 包括负责人和联系方式');
    expect(text).toContain('<https://beian.miit.gov.cn/|工信部备案管理系统>');
    expect(text).toContain('"type":"image","image_url":"https://example.com/miit-query.png","alt_text":"备案查询页面"');
    expect(allText(composeReply(core, config, '备案号会过期吗', 'reply', { t: en }))).toContain(
      'no validity period &amp; the number',
    );
  });

  it('splits a long answer into sections within Slack limits', () => {
    const reply = composeReply(core, config, '备案材料清单', 'reply', { t: zhCN });
    expect(reply.metadata.event_payload.entry_id).toBe('long-answer');
    const sections = reply.messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect((s as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
    }
    for (const m of reply.messages) expect(m.blocks.length).toBeLessThanOrEqual(50);
  });

  it('says plainly there is no answer, with no entry_id, and names the escalation channel', () => {
    const reply = composeReply(core, config, 'pizza recipe with extra cheese', 'reply', { t: en });
    expect(reply.answered).toBe(false);
    expect(reply.metadata.event_payload).not.toHaveProperty('entry_id');
    expect(allText(reply)).toContain('<#C0HELPDSK>');
  });
});
