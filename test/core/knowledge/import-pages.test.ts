import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DraftEntry, importFaq } from '../../../src/core/knowledge/import-faq.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';

// Real provider pages, copied from the project's shared material so a clone alone runs the tests (SOURCES.md there).
const PAGES = fileURLToPath(new URL('../../fixtures/import-pages/', import.meta.url));
const BASE_URL = 'https://github.com/example/docs/blob/0123abc/faq/page.md';
const files = readdirSync(PAGES)
  .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
  .sort();

/** What the test expects of a page, read from its text alone: its top-most question headings and their blocks. */
interface Expected {
  title: string;
  line: number;
  block: string;
}

// Independent of the importer: a heading that asks, outside code fences, not inside another question.
const ASKS = /[？?]|吗|什么|如何|怎么|怎样|哪|多少|能否|是否|可否|多久|几个|为何|为什么|么$/;

function expectedQuestions(text: string): Expected[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headings: { depth: number; title: string; index: number }[] = [];
  let fenced = false;
  let front = lines[0] === '---';
  lines.forEach((line, index) => {
    if (front) {
      if (index > 0 && line === '---') front = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!fenced && m) headings.push({ depth: m[1]?.length ?? 0, title: m[2] ?? '', index });
  });
  const found: Expected[] = [];
  let inside: number | null = null;
  headings.forEach((h, i) => {
    if (inside !== null && h.depth > inside) return;
    inside = null;
    if (!ASKS.test(h.title)) return;
    inside = h.depth;
    const end = headings.slice(i + 1).find((n) => n.depth <= h.depth)?.index ?? lines.length;
    const title = h.title.replace(/^[一二三四五六七八九十]+、\s*/, '');
    found.push({ title, line: h.index + 1, block: lines.slice(h.index + 1, end).join('\n') });
  });
  return found;
}

/** The Chinese text of some markdown, in order, without markup, labels or URLs. */
function chinese(text: string): string {
  return text
    .replace(/\*\*(?:说明 \/ Tip|注意 \/ Note):\*\*/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[^\u4e00-\u9fff]/g, '');
}

const taken = new Set<string>();
const imported = files.map((file) => {
  const text = readFileSync(`${PAGES}${file}`, 'utf8');
  const result = importFaq(text, { fileName: file, sourceUrl: BASE_URL, takenIds: taken });
  for (const d of result.drafts) taken.add(d.id);
  return { file, text, ...result };
});
const allDrafts: DraftEntry[] = imported.flatMap((p) => p.drafts);

describe('importing every shared page into one folder', () => {
  it('reads all forty pages of the three providers', () => {
    expect(files).toHaveLength(40);
    expect(new Set(files.map((f) => f.slice(0, 2)))).toEqual(new Set(['tc', 'hw', 'qc']));
  });

  describe.each(imported.map((p) => [p.file, p] as const))('%s', (_file, page) => {
    const expected = expectedQuestions(page.text);

    it.each(expected.map((q) => [q.title, q] as const))('"%s" is one draft with its whole answer', (_t, q) => {
      const draft = page.drafts.find((d) => d.line === q.line);
      expect(draft?.title).toBe(q.title);
      expect(chinese(draft?.answer ?? '')).toContain(chinese(q.block));
    });

    it('drafts nothing from inside a question (its sub-headings belong to its answer)', () => {
      const inside = expected.flatMap((q) => {
        const lines = q.block.split('\n').length;
        return page.drafts.filter((d) => d.line > q.line && d.line <= q.line + lines);
      });
      expect(inside.map((d) => d.title)).toEqual([]);
    });
  });

  it('finds question headings on most pages (the test is not vacuous)', () => {
    const counted = imported.map((p) => expectedQuestions(p.text).length);
    expect(counted.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('proposes unique, meaningful ids across the folder: no counters, no bare question words', () => {
    const ids = allDrafts.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id).not.toMatch(/^(?:faq-\d+|how|what-is|why|filing(?:-\d+)?)$/);
      expect(id).not.toMatch(/-\d$/);
      expect(id.split('-').length).toBeLessThanOrEqual(5);
    }
    // Ids the glossary could not build and had to hash stay the exception.
    expect(ids.filter((id) => id.startsWith('q-')).length).toBeLessThan(ids.length / 20);
  });

  it('leaks no markup: no anchors, raw tables, iframes, images, Tencent notice marks or relative links', () => {
    const leaks = allDrafts.filter((d) =>
      /<span\s+id=|<table|<iframe|<img|^\s*>\s*[!?]|\*\*(?:说明 \/ Tip|注意 \/ Note):\*\* *>|\]\((?!https?:|#)/m.test(
        d.answer,
      ),
    );
    expect(leaks.map((d) => d.id)).toEqual([]);
  });

  it('keeps every item of a multi-line Tencent notice inside one block quote', () => {
    const page = imported.find((p) => p.file === 'tc__常见问题__前置审批相关.md');
    const finance = page?.drafts.find((d) => d.title === '金融类')?.answer ?? '';
    expect(finance).toContain('> **注意 / Note:**\n> - 例如基金会（慈善、公益）');
    expect(finance).toMatch(/^> - 若网站内容确实与金融活动无关的/m);
    expect(finance).toMatch(/^> - 以上仅供参考。$/m);
  });

  it('skips overviews and folds page-level see-also links into the answers', () => {
    expect(allDrafts.filter((d) => /^(?:概述|参见|详细内容)$/.test(d.title))).toEqual([]);
    const review = imported.find((p) => p.file === 'hw__procedures__备案审核.md');
    expect(review?.drafts.map((d) => d.title)).toEqual(['初审联系与沟通', '备案信息核查', '管局审核阶段']);
    const link = encodeURI('https://github.com/example/docs/blob/0123abc/faq/备案驳回咨询.md');
    expect(review?.drafts[0]?.answer).toContain(`**参见**\n\n- [备案驳回咨询](${link})`);
  });

  it('turns a guide (操作场景 / 操作步骤) into one entry titled by what it is about', () => {
    const claim = imported.find((p) => p.file === 'hw__procedures__认领备案咨询.md');
    expect(claim?.drafts.map((d) => d.title)).toEqual(['认领备案咨询']);
    const answer = claim?.drafts[0]?.answer ?? '';
    expect(answer.match(/^### .+$/gm)).toEqual(['### 操作场景', '### PC端操作步骤', '### App端操作步骤']);
  });

  it('guesses a topic only from a term that names one', () => {
    const withTopic = allDrafts.filter((d) => d.topic !== null);
    for (const d of withTopic) {
      expect(d.title).toMatch(/注销|空壳|有效期|证书|公安|悬挂|展示|标明|备案成功后/);
    }
    expect(withTopic.length).toBeGreaterThan(10);
  });

  it('writes drafts that lint refuses only for what a reviewer must add', () => {
    const messages = new Set(
      allDrafts
        .flatMap((d) => parseKnowledgeFile(d.text, `${d.id}.md`, { today: '2026-12-01' }).problems)
        .map((p) => p.message.replace(/"[^"]*"/g, '"…"')),
    );
    for (const m of messages) {
      expect(m).toMatch(/^missing required field "…"|^## Questions has no questions|^tags must list at least one tag/);
    }
  });
});
