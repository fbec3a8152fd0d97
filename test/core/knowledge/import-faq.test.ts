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

describe('importFaq on pages made up to break it', () => {
  const URL_BASE = 'https://docs.example.com/icp/faq/page.html';

  it('keeps #### sub-sections inside the ### question they belong to, re-levelled below ## Answer', () => {
    const page =
      '### 审核要多久？\n\n分两步：\n\n#### 初审\n\n1 天。\n\n##### 细节\n\n工作日。\n\n#### 管局\n\n20 天。\n\n### 下一个问题？\n\n好。\n';
    const { drafts } = importFaq(page);
    expect(drafts.map((d) => d.title)).toEqual(['审核要多久？', '下一个问题？']);
    expect(drafts[0]?.answer).toBe('分两步：\n\n### 初审\n\n1 天。\n\n#### 细节\n\n工作日。\n\n### 管局\n\n20 天。');
  });

  it('reads a CRLF page with a BOM exactly like its LF twin, lines included', () => {
    const lf = '### 问题一？\n\n>!\n>- 第一条\n>- 第二条\n\n见[说明](../a.html)。\n';
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    expect(importFaq(crlf, { sourceUrl: URL_BASE })).toEqual(importFaq(lf, { sourceUrl: URL_BASE }));
    expect(importFaq(crlf).warnings).toEqual([
      { line: 7, message: 'relative link "../a.html" kept as is; give --source-url to resolve it' },
    ]);
  });

  it.each([
    ['a mark on its own line and > - items', '>?\n> - 一\n> - 二\n', '> **说明 / Tip:**\n> - 一\n> - 二'],
    ['>- items without a space', '>!\n>- 一\n>-  二\n', '> **注意 / Note:**\n> - 一\n> - 二'],
    ['unquoted items Tencent keeps inside', '>!\n>- 一\n- 二\n- 三\n', '> **注意 / Note:**\n> - 一\n> - 二\n> - 三'],
    ['a numbered list', '>? \n> 1. 一\n> 2. 二\n', '> **说明 / Tip:**\n> 1. 一\n> 2. 二'],
    ['a one-line notice', '>?详情请参考文档。\n', '> **说明 / Tip:** 详情请参考文档。'],
    [
      'a notice nested in a list item',
      '- 条目\n  >!\n  >- 一\n  >- 二\n',
      '- 条目\n  > **注意 / Note:**\n  > - 一\n  > - 二',
    ],
  ])('turns a Tencent notice with %s into one block quote holding every item', (_name, notice, expected) => {
    const [draft] = importFaq(`### 问题？\n\n${notice}\n后文。\n`).drafts;
    expect(draft?.answer).toBe(`${expected}\n\n后文。`);
  });

  it('converts HTML soup: anchors dropped, tables to markdown, iframes to links, relative images resolved', () => {
    const page = [
      '<span id="question1"></span>',
      '### 表格里有什么？',
      '',
      '<table>',
      '<tr><th>原因</th><th>处理 | 方法</th></tr>',
      '<tr><td>注销</td><td><ul><li>先查<a href="../x.html">说明</a><li>再改</ul></td></tr>',
      '</table>',
      '',
      '<iframe src="https://v.example.com/1" title="操作视频"></iframe>',
      '',
      '<img src="../../_images/block.png" style="zoom:40%;" />',
      '',
      '行内<font color="red">红字</font>。',
      '<span id="question2"></span>',
      '',
      '### 第二个？',
      '',
      '答。',
    ].join('\n');
    const { drafts, warnings } = importFaq(page, { sourceUrl: URL_BASE });
    expect(drafts.map((d) => d.title)).toEqual(['表格里有什么？', '第二个？']);
    expect(drafts[0]?.answer).toBe(
      [
        '| 原因 | 处理 \\| 方法 |',
        '| --- | --- |',
        '| 注销 | • 先查[说明](https://docs.example.com/icp/x.html) • 再改 |',
        '',
        '[操作视频](https://v.example.com/1)',
        '',
        '![](https://docs.example.com/_images/block.png)',
        '',
        '行内<font color="red">红字</font>。',
      ].join('\n'),
    );
    expect(drafts[1]?.answer).toBe('答。');
    expect(warnings).toEqual([{ line: 13, message: 'raw HTML <font> kept; rewrite it in markdown' }]);
  });

  it('names the line of each relative link, not of its heading', () => {
    const page = '### 问题？\n\n第一段。\n\n- 见[甲](a.html)\n- 见[乙](b.html)\n\n![图](img/c.png)\n';
    expect(importFaq(page).warnings.map((w) => [w.line, w.message.split('"')[1]])).toEqual([
      [5, 'a.html'],
      [6, 'b.html'],
      [8, 'img/c.png'],
    ]);
  });

  it('skips empty sections and overviews, and puts see-also links into the answers of their section', () => {
    const page = [
      '# 备案指南',
      '',
      '## 概述',
      '',
      '本页介绍备案。',
      '',
      '## 详细内容',
      '',
      '### 空的问题？',
      '',
      '### 备案要多久？',
      '',
      '20 天。',
      '',
      '## 参见',
      '',
      '- [相关](https://x.example.com/r)',
    ].join('\n');
    const { drafts, warnings } = importFaq(page);
    expect(drafts.map((d) => [d.title, d.answer])).toEqual([
      ['备案要多久？', '20 天。\n\n**参见**\n\n- [相关](https://x.example.com/r)'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'skipped "概述": it answers no question',
      'skipped "空的问题？": no answer text under it',
    ]);
  });

  it('makes a guide (操作场景 / 前提条件 / 操作步骤) one entry titled by the page', () => {
    const page =
      '# 认领备案\n\n## 操作场景\n\n换账号时。\n\n## 前提条件\n\n已实名。\n\n## 操作步骤\n\n1. 登录。\n2. 认领。\n';
    const { drafts } = importFaq(page);
    expect(drafts.map((d) => d.title)).toEqual(['认领备案']);
    expect(drafts[0]?.answer).toBe(
      '### 操作场景\n\n换账号时。\n\n### 前提条件\n\n已实名。\n\n### 操作步骤\n\n1. 登录。\n2. 认领。',
    );
  });

  it('keeps a self-contained question as stated and names the section of a generic one', () => {
    const page = '## 空壳主体注销\n\n### 什么是空壳主体？\n\n无网站的主体。\n\n### 处理方法\n\n注销。\n';
    expect(importFaq(page).drafts.map((d) => d.title)).toEqual(['什么是空壳主体？', '处理方法（空壳主体注销）']);
  });

  it('lists the existing topics in a draft whose topic it cannot tell', () => {
    const [draft] = importFaq('### 备案要多久？\n\n20 天。\n', { knownTopics: ['cancellation', 'validity'] }).drafts;
    expect(draft?.text).toMatch(/^# topic: left for the reviewer; existing topics: cancellation, validity$/m);
  });
});
