import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';
import { buildHelpMessage, describeTopics } from '../../../src/slack/blocks/help.js';
import { buildHomeView } from '../../../src/slack/blocks/home.js';
import { en } from '../../../src/slack/messages/en.js';

const kb = {
  entries: [{ topic: 'validity' }, { topic: 'validity' }, { topic: 'display' }],
  byId: new Map(),
  topics: ['validity', 'display'],
} as unknown as KnowledgeBase;
const commands = { faq: '/faq', footer: '/footer-check' };

describe('help and home', () => {
  it('lists topics with their entry counts', () => {
    expect(describeTopics(kb, en)).toBe('• *validity* (2)\n• *display* (1)');
  });

  it('says so when the knowledge base is empty', () => {
    expect(describeTopics({ entries: [], byId: new Map(), topics: [] }, en)).toContain('empty');
  });

  it('help names both commands as configured', () => {
    const json = JSON.stringify(buildHelpMessage(kb, { faq: '/ask', footer: '/check' }, en).blocks);
    expect(json).toContain('`/ask your question`');
    expect(json).toContain('`/check example.com`');
  });

  it('the Home tab shows capabilities, topics and recent checks, newest first as given', () => {
    const view = buildHomeView(
      kb,
      commands,
      [
        {
          kind: 'footer-check',
          at: '2026-11-23T10:00:00Z',
          user: 'U1',
          channel: 'C1',
          target: 'b.cn',
          verdict: 'fail',
          icp: null,
        },
        {
          kind: 'footer-check',
          at: '2026-11-22T10:00:00Z',
          user: 'U1',
          channel: 'C1',
          target: 'a.cn',
          verdict: 'pass',
          icp: '京ICP备1号',
        },
      ],
      en,
    );
    expect(view.type).toBe('home');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('*validity* (2)');
    expect(json.indexOf('b.cn')).toBeLessThan(json.indexOf('a.cn'));
    expect(json).toContain('*b.cn* — ❌ Fail · 2026-11-23');
    expect(json).toContain('`京ICP备1号`');
  });

  it('the Home tab says when there are no checks yet', () => {
    expect(JSON.stringify(buildHomeView(kb, commands, [], en).blocks)).toContain('None yet');
  });
});
