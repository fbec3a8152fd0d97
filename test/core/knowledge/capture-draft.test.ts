import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/config.js';
import {
  type CapturedDraft,
  checkDraft,
  proposeDraftId,
  renderDraft,
} from '../../../src/core/knowledge/capture-draft.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';

const kb = await loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
const today = '2026-12-01';

const draft = (over: Partial<CapturedDraft> = {}): CapturedDraft => ({
  id: 'filing-password-reset',
  title: '备案密码忘了怎么办？',
  questions: ['forgot my filing password'],
  answer: '在**备案控制台**找回。',
  topic: 'after-filing',
  tags: ['备案密码', 'password'],
  source: { title: 'Slack thread', url: 'https://test.slack.com/archives/C0CHAN001/p1700000001000100' },
  ...over,
});

const check = (d: CapturedDraft, draftIds: string[] = []) =>
  checkDraft(d, { kb, draftIds: new Set(draftIds), parse: { today } });

describe('checkDraft', () => {
  it('accepts a complete draft', () => {
    expect(check(draft())).toEqual([]);
  });

  it.each<[Partial<CapturedDraft>, string, RegExp]>([
    [{ id: 'Not Kebab' }, 'id', /kebab-case/],
    [{ id: 'validity-period' }, 'id', /already used by validity\/validity-period\.md/],
    [{ topic: '' }, 'topic', /topic must be a kebab-case/],
    [{ tags: [] }, 'tags', /at least one tag/],
    [{ source: { title: 'x', url: 'not a url' } }, 'source', /source\.url must be an http/],
    [{ answer: '' }, 'answer', /## Answer is empty/],
    [{ answer: 'text\n\n## Extra' }, 'answer', /unknown section/],
    [{ answer: 'see [there](../x.md)' }, 'answer', /relative link/],
    [{ title: '备案号会过期吗' }, 'title', /already listed in validity\/validity-period\.md/],
    [{ questions: ['does the beian number expire'] }, 'questions', /already listed in/],
    [{ questions: ['备案密码忘了怎么办'] }, 'questions', /duplicate question/],
  ])('reports %j on the %s field', (over, field, message) => {
    const problems = check(draft(over));
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('refuses an id a saved draft already has', () => {
    expect(check(draft(), ['filing-password-reset'])).toEqual([
      { field: 'id', message: expect.stringMatching(/saved draft/) },
    ]);
  });
});

describe('renderDraft', () => {
  it('leaves reviewed out for the reviewer: lint names it and nothing else', () => {
    const { text } = renderDraft(draft(), null);
    const problems = parseKnowledgeFile(text, 'after-filing/x.md', { today, checkMarkup: true }).problems;
    expect(problems.map((p) => p.message)).toEqual(['missing required field "reviewed"']);
    const reviewed = text.replace(/^# reviewed:.*$/m, `reviewed: ${today}`);
    const parsed = parseKnowledgeFile(reviewed, 'after-filing/x.md', { today, checkMarkup: true });
    expect(parsed.problems).toEqual([]);
    expect(parsed.entry?.questions).toEqual(['备案密码忘了怎么办？', 'forgot my filing password']);
  });
});

describe('proposeDraftId', () => {
  it('never proposes an id the knowledge base or a draft has', () => {
    const first = proposeDraftId('备案密码忘了怎么办？', kb, []);
    const second = proposeDraftId('备案密码忘了怎么办？', kb, [first]);
    expect(second).not.toBe(first);
    expect(kb.byId.has(proposeDraftId('备案号的有效期是多久？', kb, []))).toBe(false);
  });
});
