// Rebuilds test/fixtures/imported-kb/entries from the provider pages: `npx tsx test/eval/rebuild-imported-kb.ts [PAGES]`.
// It runs the real `beian kb import` on each page, then finishes every draft mechanically (see that folder's README.md).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { questionKey } from '../../src/core/knowledge/parse-knowledge-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/imported-kb', import.meta.url));
const PAGES = process.argv[2] ?? join(ROOT, 'test/fixtures/import-pages');
const REVIEWED = '2026-12-01';

const TENCENT = {
  repo: 'cheriezhan/qcloud-documents',
  commit: '26e489f9c55f1113bd39c304e889f5249c0a1e1a',
  root: 'product/域名与网站/网站备案',
  title: '腾讯云网站备案文档',
};
const QINGCLOUD = {
  repo: 'yunify/qingcloud-docs',
  commit: '3094343b2114ca526ab438676fd462fba1dcf53e',
  root: 'content/site/record/faq',
  title: 'QingCloud 备案文档',
};

// One row per imported page (SOURCES.md): the topic and tag a team would file the whole page under. Left out:
// QingCloud complete.md and icp_faq.md (shell sites and entities, the certificate, the ICP number: the bundled
// entries already answer them, a team would merge rather than duplicate), Tencent's 前置审批 table, 新手指引 and
// 基本概念 (a table and two guides, no question headings), and the two 备案流程 form-field pages (主体信息, 网站信息;
// 41 questions), which keeps the fixture near the size the issue measured (60–80 entries).
const PAGE_TABLE: [file: string, provider: typeof TENCENT, path: string, topic: string, tag: string][] = [
  ['tc__常见问题__备案密码.md', TENCENT, '常见问题/备案密码.md', 'filing-password', '备案密码'],
  ['tc__常见问题__备案授权码.md', TENCENT, '常见问题/备案授权码.md', 'authorization-code', '备案授权码'],
  ['tc__常见问题__备案流程__备案审核.md', TENCENT, '常见问题/备案流程/备案审核.md', 'filing-review', '备案审核'],
  ['tc__常见问题__接入备案类.md', TENCENT, '常见问题/接入备案类.md', 'access-filing', '接入备案'],
  ['tc__常见问题__注销备案.md', TENCENT, '常见问题/注销备案.md', 'cancel-filing', '注销备案'],
  ['tc__常见问题__省管局要求相关.md', TENCENT, '常见问题/省管局要求相关.md', 'provincial-rules', '省管局要求'],
  ['tc__常见问题__短信核验类.md', TENCENT, '常见问题/短信核验类.md', 'sms-verification', '短信核验'],
  ['tc__常见问题__经营性备案.md', TENCENT, '常见问题/经营性备案.md', 'commercial-filing', '经营性备案'],
  ['qc__faq__account_faq.md', QINGCLOUD, 'account_faq.md', 'accounts', '账号与实名认证'],
  ['qc__faq__basic.md', QINGCLOUD, 'basic.md', 'basics', '备案基础知识'],
];

// A FAQ entry asks something: headings that only name a thing ("金融类", "方法一（…）") are sub-parts of an answer.
const QUESTION = /[？?]|吗|什么|如何|怎么|哪|多少|能否|是否|可否|多久|几个|为何|为什么/;
// Sections of a kept page that restate bundled entries (what a shell entity is and how to cancel it).
const BUNDLED_SECTIONS = ['（空壳主体注销）'];

const work = await mkdtemp(join(tmpdir(), 'imported-kb-'));
// The bundled entries sit beside the drafts so the importer never proposes an id they use.
await cp(join(ROOT, 'knowledge'), join(work, 'bundled'), { recursive: true });
for (const [file, provider, path, topic] of PAGE_TABLE) {
  const url = encodeURI(`https://github.com/${provider.repo}/blob/${provider.commit}/${provider.root}/${path}`);
  const sourceTitle = `${provider.title} · ${path.replace(/\.md$/, '')}`;
  const args = ['kb', 'import', join(PAGES, file), '--knowledge', work, '--out', join(work, 'imported', topic)];
  args.push('--source-title', sourceTitle, '--source-url', url, '--topic', topic);
  execFileSync(process.execPath, [join(ROOT, 'bin/beian.js'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

await rm(join(FIXTURE, 'entries'), { recursive: true, force: true });
const seenTitles = new Set<string>();
let kept = 0;
for (const name of (await readdir(join(work, 'imported'), { recursive: true })).sort()) {
  if (!name.endsWith('.md')) continue;
  const draft = await readFile(join(work, 'imported', name), 'utf8');
  const finished = finishDraft(draft, PAGE_TABLE.find((row) => name.startsWith(`${row[3]}/`))?.[4] ?? '备案');
  // A question may belong to one entry only: a page that asks the same thing twice keeps the first.
  if (finished === null || seenTitles.has(questionKey(finished.title))) continue;
  seenTitles.add(questionKey(finished.title));
  await mkdir(dirname(join(FIXTURE, 'entries', name)), { recursive: true });
  await writeFile(join(FIXTURE, 'entries', name), finished.text);
  kept += 1;
}
await rm(work, { recursive: true, force: true });
process.stdout.write(`${kept} entries in ${join(FIXTURE, 'entries')}\n`);

// The title becomes the only question, `reviewed` is set, and the page's tag joins the proposed ones.
function finishDraft(text: string, pageTag: string): { title: string; text: string } | null {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const title = /^# (.+)$/m.exec(match?.[2] ?? '')?.[1]?.trim();
  if (match === null || title === undefined) return null;
  if (!QUESTION.test(title.replace(/（[^（）]*）$/, '')) || BUNDLED_SECTIONS.some((s) => title.endsWith(s)))
    return null;
  const front = parseYaml(match[1] ?? '') as { tags?: string[] };
  const tags = [...new Set([...(front.tags ?? []), pageTag])].slice(0, 8);
  const yaml = stringifyYaml({ ...front, tags, reviewed: REVIEWED }, { lineWidth: 0 }).trimEnd();
  const body = (match[2] ?? '').replace(/<!-- TODO: list the ways people ask this[^\n]*-->/, `- ${title}`);
  return { title, text: `---\n${yaml}\n---\n${body}` };
}
