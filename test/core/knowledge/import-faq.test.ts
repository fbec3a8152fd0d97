import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../../src/core/knowledge/build-knowledge-base.js';
import { importFaq } from '../../../src/core/knowledge/import-faq.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';

const seed = (name: string) => readFileSync(new URL(`../../fixtures/knowledge/seeds/${name}`, import.meta.url), 'utf8');
const TENCENT = seed('tencent-icp-number.md');
const HUAWEI = seed('huawei-after-filing.md');
const TENCENT_URL = 'https://cloud.tencent.com/document/product/243';
const HUAWEI_URL = 'https://support.huaweicloud.com/icp_faq/icp_faq_0001.html';

describe('importFaq on the Tencent Cloud seed (### questions, no front matter)', () => {
  const { drafts, warnings } = importFaq(TENCENT, { sourceUrl: TENCENT_URL, sourceTitle: '腾讯云 · 备案号常见问题' });

  it('makes one draft per question, titled with the original question', () => {
    expect(drafts.map((d) => d.title)).toEqual([
      '什么是 ICP 备案号？',
      '备案号的使用有什么要求？',
      '新购买的域名提示“存在备案号”该如何处理？',
      '为什么备案号会被注销？',
      '备案号被管局注销之后是否可以恢复？',
      '取得备案后，备案号的有效期是多少？',
    ]);
    expect(warnings).toEqual([]);
  });

  it('proposes readable, unique ids from domain terms', () => {
    expect(drafts.map((d) => d.id)).toEqual([
      'icp-number-what-is',
      'icp-number-use',
      'purchase-domain',
      'icp-number-cancel',
      'icp-number-bureau',
      'icp-number-validity',
    ]);
  });

  it('keeps numbered steps with their screenshots', () => {
    const steps = drafts[2]?.answer ?? '';
    expect(steps).toMatch(/^1\. 登录/m);
    expect(steps).toMatch(/^4\. 表格下载完成之后/m);
    expect(steps.match(/!\[\]\(https:\/\/main\.qcloudimg\.com\/raw\/[0-9a-f]+\.png\)/g)).toHaveLength(3);
  });

  it("turns Tencent's >! notice into a labelled block quote", () => {
    expect(drafts[5]?.answer).toMatch(/^> \*\*注意 \/ Note:\*\* 管局发现您备案为空壳网站/m);
  });

  it('fills the source from the options', () => {
    expect(drafts[0]?.text).toContain(`source:\n  title: 腾讯云 · 备案号常见问题\n  url: ${TENCENT_URL}\n`);
  });

  it('guesses a topic only from a term that names one (使用 is no evidence of display), else leaves it out', () => {
    expect(drafts.map((d) => d.topic)).toEqual([null, null, null, 'cancellation', 'cancellation', 'validity']);
    expect(drafts[0]?.text).not.toMatch(/^topic:/m);
    expect(drafts[0]?.text).toMatch(/^# topic: left for the reviewer; existing topics: none yet$/m);
    expect(drafts[3]?.tags).toEqual(['备案号', 'ICP number', '注销', 'cancellation']);
  });
});

describe('importFaq on the Huawei Cloud seed (front matter, ## sections holding ### questions)', () => {
  const { drafts, warnings } = importFaq(HUAWEI, { sourceUrl: HUAWEI_URL });

  it('treats a ## with answer text as a question and a ## holding ### questions as their context', () => {
    expect(drafts.map((d) => [d.id, d.title])).toEqual([
      ['after-filing-checklist', '备案成功后注意事项'],
      ['certificate-get', '备案证书在哪里获取'],
      ['shell-site-what-is', '什么是空壳网站'],
      ['shell-site-impact', '空壳网站的影响'],
      ['handle-shell-site', '处理方法（空壳网站）'],
      ['shell-entity-what-is', '什么是空壳主体'],
      ['shell-entity-impact', '空壳主体的影响'],
      ['cancel-shell-entity', '注销空壳主体'],
    ]);
    expect(warnings).toEqual([]);
  });

  it("takes source.title from the page's front matter", () => {
    expect(drafts[0]?.text).toContain(`source:\n  title: 备案成功\n  url: ${HUAWEI_URL}\n`);
  });

  it('resolves relative links against --source-url and keeps absolute ones', () => {
    expect(drafts[4]?.answer).toContain('[新增接入](https://support.huaweicloud.com/manual/add_access/)');
    expect(drafts[0]?.answer).toContain('[公安备案](https://support.huaweicloud.com/tg-icp/icp_03_0014.html)');
  });

  it('keeps all seven steps and five screenshots of cancelling a shell entity', () => {
    const answer = drafts[7]?.answer ?? '';
    expect(answer.match(/^\d\. /gm)).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ', '7. ']);
    expect(answer.match(/!\[点击放大\]\(https:\/\/support\.huaweicloud\.com\/icp_faq\/[^)]+\)/g)).toHaveLength(4);
  });

  it('guesses each topic from the question and its section', () => {
    expect(drafts.map((d) => d.topic)).toEqual([
      'after-filing',
      'certificates',
      'shell-sites',
      'shell-sites',
      'shell-sites',
      'shell-entities',
      'shell-entities',
      'shell-entities',
    ]);
  });
});

describe('drafts and lint', () => {
  const { drafts } = importFaq(HUAWEI, { sourceUrl: HUAWEI_URL });

  it.each(drafts.map((d) => [d.id, d.text]))('%s is refused by lint only for what a person must add', (_id, text) => {
    const messages = parseKnowledgeFile(text, 'draft.md', { today: '2026-06-01' }).problems.map((p) => p.message);
    expect(messages).toEqual([
      'missing required field "reviewed"',
      expect.stringContaining('## Questions has no questions'),
    ]);
  });

  it('passes lint once questions and a reviewed date are filled in', () => {
    const done = drafts.map((d, i) => ({
      file: `${d.id}.md`,
      text: d.text
        .replace('---\n\n<!--', 'reviewed: 2026-05-01\n---\n\n<!--')
        .replace('## Questions\n', `## Questions\n- question ${i}\n`),
    }));
    expect(buildKnowledgeBase(done, { today: '2026-06-01' }).entries).toHaveLength(8);
  });

  it('never proposes an id already taken in the knowledge folder', () => {
    const taken = ['shell-site-what-is', 'shell-site-impact'];
    const ids = importFaq(HUAWEI, { takenIds: taken, sourceUrl: HUAWEI_URL }).drafts.map((d) => d.id);
    expect(ids.filter((id) => taken.includes(id))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('shell-site-impact-'))).toHaveLength(1);
    expect(ids.join(' ')).not.toMatch(/-\d\b/);
  });

  it('uses --topic for every draft when given', () => {
    expect(new Set(importFaq(TENCENT, { topic: 'display' }).drafts.map((d) => d.topic))).toEqual(new Set(['display']));
  });
});

describe.each([
  ['no headings', '备案号长期有效。\n\n没有有效期。\n', ['备案号长期有效。'], [], 0],
  ['no headings but a front-matter title', '---\ntitle: 有效期\n---\n备案号长期有效。\n', ['有效期'], [], 0],
  [
    'CRLF line endings',
    '### 问题一\r\n\r\n回答一。\r\n\r\n### 问题二\r\n\r\n回答二。\r\n',
    ['问题一', '问题二'],
    [],
    0,
  ],
  [
    'setext headings (the one # names the page)',
    '问题一\n======\n\n回答一。\n\n问题二\n------\n\n回答二。\n',
    ['问题二'],
    ['text before the first question was not imported'],
    4,
  ],
  [
    'an empty section',
    '### 问题一\n\n### 问题二\n\n回答二。\n',
    ['问题二'],
    ['skipped "问题一": no answer text under it'],
    1,
  ],
  [
    'duplicate titles',
    '### 同一个问题\n\n回答一。\n\n### 同一个问题\n\n回答二。\n',
    ['同一个问题', '同一个问题'],
    ['"同一个问题" also asked on line 1'],
    5,
  ],
  ['a code fence holding ###', '### 问题一\n\n```\n### not a heading\n```\n', ['问题一'], [], 0],
  ['HTML comments', '<!-- page note -->\n### 问题一\n\n<!-- hidden -->\n回答一。\n', ['问题一'], [], 0],
  ['headings with closing #s', '### 问题一 ###\n\n回答一。\n', ['问题一'], [], 0],
  [
    'text before the first heading',
    '前言。\n\n### 问题一\n\n回答一。\n',
    ['问题一'],
    ['text before the first question was not imported'],
    1,
  ],
  [
    'a relative link without --source-url',
    '### 问题一\n\n见[说明](../a.html)。\n',
    ['问题一'],
    ['relative link "../a.html" kept as is; give --source-url to resolve it'],
    3,
  ],
])('importFaq with %s', (_name, page, titles, warningMessages, warningLine) => {
  const { drafts, warnings } = importFaq(page);

  it(`drafts ${JSON.stringify(titles)}`, () => {
    expect(drafts.map((d) => d.title)).toEqual(titles);
    for (const d of drafts) expect(d.answer).not.toBe('');
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
  });

  it(`warns ${JSON.stringify(warningMessages)}`, () => {
    expect(warnings.map((w) => w.message)).toEqual(warningMessages);
    for (const w of warnings) expect(w.line).toBe(warningLine);
  });
});

describe('importFaq keeps the page exact', () => {
  it('keeps a code fence holding ### verbatim in the answer', () => {
    const [draft] = importFaq('### 问题一\n\n```\n### not a heading\n```\n').drafts;
    expect(draft?.answer).toBe('```\n### not a heading\n```');
  });

  it('drops HTML comments from answers', () => {
    const [draft] = importFaq('### 问题一\n\n<!-- hidden -->\n回答一。\n').drafts;
    expect(draft?.answer).toBe('回答一。');
  });

  it('returns no drafts for a page without text', () => {
    expect(importFaq('<!-- only a comment -->\n\n### 空\n').drafts).toEqual([]);
  });
});
