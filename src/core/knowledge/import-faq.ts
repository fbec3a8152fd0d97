import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { convertMarkup, convertNotices, dropAnchors } from './convert-markup.js';
import { normaliseSource, splitFrontMatter } from './front-matter.js';
import { type Located, locateTokens } from './locate-tokens.js';
import { proposeId, proposeTags, proposeTopic } from './propose-id.js';

/** What the importer may be told about the page it reads. */
export interface ImportOptions {
  /** Overrides the page's front-matter `title` as the drafts' `source.title`. */
  sourceTitle?: string;
  /** The page's address: `source.url`, and the base that relative links and images are resolved against. */
  sourceUrl?: string;
  /** The topic for every draft; otherwise guessed per question from domain terms, or left out. */
  topic?: string;
  /** Ids already in use (the knowledge folder's and the drafts folder's); proposed ids never collide with them. */
  takenIds?: Iterable<string>;
  /** The knowledge base's topics, listed in a draft whose topic is left for the reviewer. */
  knownTopics?: readonly string[];
  /** Named in each draft's provenance comment. */
  fileName?: string;
}

/** One draft entry, ready to be written as `<id>.md` for a person to review. */
export interface DraftEntry {
  id: string;
  title: string;
  topic: string | null;
  tags: string[];
  answer: string;
  /** The line of the question's heading in the imported page. */
  line: number;
  /** The whole draft file. */
  text: string;
}

/** Something the importer skipped or could not do, with the page line it concerns. */
export interface ImportWarning {
  line: number;
  message: string;
}

export interface ImportResult {
  drafts: DraftEntry[];
  warnings: ImportWarning[];
}

interface Section {
  depth: number;
  title: string;
  line: number;
  content: Located[];
  children: Section[];
}

// A heading that asks something; everything under it, sub-headings included, is its answer.
const QUESTION = /[？?]|吗|什么|如何|怎么|怎样|哪|多少|能否|是否|可否|多久|几个|为何|为什么|么$/;
// Page furniture that answers nothing.
const SKIPPED = /^(?:概述|简介|前言|反馈与建议|目录)$/;
// Links to other pages: they go into the answers of the section they sit in.
const SEE_ALSO = /^(?:参见|相关文档|关键文档|相关链接|相关阅读|更多信息)$/;
// Headings that only hold the real sections.
const WRAPPER = /^(?:详细内容|子类别与标准答案|主要内容|.*常见问题)$/;
// The parts of a guide or of one answer: a section holding any of them is one entry.
const PART =
  /^(?:操作场景|前提条件|操作步骤|.{1,6}端操作步骤|操作流程|适用场景|使用限制|约束与限制|背景信息|后续操作|处理办法|处理方法|解决方法|解决办法|方法[一二三四五\d].*|方式[一二三四五\d].*|原因|影响|示例)$/;
const NUMBERING =
  /^(?:\d+(?:\.\d+)*(?:[.．、)）]\s*|\s+)|[一二三四五六七八九十]+[、.．]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*|步骤[一二三四五六七八九十\d]+[：:]\s*)/;
// Headings that name no subject of their own ("核心规则"): their title says which section they belong to.
const GENERIC = /^(?:核心规则|注意事项|边界判断|要点|说明|常见场景)$/;

/** A heading without its numbering ("1.1 ", "三、"), as it is compared with the names above. */
function plainTitle(title: string): string {
  return title.replace(NUMBERING, '').trim() || title;
}

/** True when a heading asks a question (the importer's unit of one draft). */
export function isQuestionHeading(title: string): boolean {
  return QUESTION.test(title);
}

/**
 * Turns a cloud provider's FAQ or guide page into draft entries. Every question heading becomes one draft whose answer
 * is everything under it, sub-headings included; a guide (操作场景 / 操作步骤 …) becomes one draft; overviews are
 * skipped and see-also links join the answers of their section. Drafts leave out `reviewed` and their `## Questions`
 * list so `beian kb lint` refuses them until a person finishes them.
 */
export function importFaq(markdown: string, options: ImportOptions = {}): ImportResult {
  const source = convertNotices(normaliseSource(markdown));
  const split = splitFrontMatter(source, options.fileName ?? 'page');
  const hasFrontMatter = split.yaml !== null;
  const page = hasFrontMatter ? readPageMeta(split.yaml ?? '') : {};
  const body = hasFrontMatter ? (split.body ?? '') : source;
  const warnings: ImportWarning[] = [];
  const root = readSections(locateTokens(body, hasFrontMatter ? split.bodyLine : 1));
  const top = unwrapPageTitle(root);
  const ctx: DraftContext = {
    options,
    sourceTitle: options.sourceTitle ?? page.title ?? (top === root ? undefined : top.title),
    taken: new Set(options.takenIds ?? []),
    titles: new Map(),
    warnings,
  };
  if (top.children.length > 0 && !isBlank(top.content)) {
    warnings.push({
      line: firstText(top.content)?.line ?? 1,
      message: 'text before the first question was not imported',
    });
  }
  const plans = top.children.length === 0 ? untitledPage(top, page.title) : planGroup(top, [], ctx);
  const drafts = plans.map((plan) => draftFrom(plan, ctx));
  return { drafts, warnings };
}

function readPageMeta(yaml: string): { title?: string } {
  try {
    const data = parseYaml(yaml) as { title?: unknown } | null;
    return typeof data?.title === 'string' && data.title.trim() !== '' ? { title: data.title.trim() } : {};
  } catch {
    // The page's own front matter is only a hint for source.title; a broken one is not our problem.
    return {};
  }
}

function readSections(tokens: readonly Located[]): Section {
  const root: Section = { depth: 0, title: '', line: 1, content: [], children: [] };
  const open: Section[] = [root];
  for (const item of tokens) {
    const { token } = item;
    if (token.type !== 'heading') {
      (open.at(-1) ?? root).content.push(item);
      continue;
    }
    while ((open.at(-1)?.depth ?? 0) >= token.depth) open.pop();
    const section = { depth: token.depth, title: token.text.trim(), line: item.line, content: [], children: [] };
    (open.at(-1) ?? root).children.push(section);
    open.push(section);
  }
  return root;
}

// "# 备案审核" over the whole page names the page; its sections are the questions.
function unwrapPageTitle(root: Section): Section {
  const [only] = root.children;
  if (root.children.length !== 1 || !only || only.children.length === 0 || isQuestionHeading(only.title)) return root;
  return { ...only, content: [...root.content, ...only.content] };
}

function untitledPage(root: Section, pageTitle: string | undefined): Plan[] {
  if (isBlank(root.content)) return [];
  const first = firstText(root.content);
  const title = pageTitle ?? first?.token.raw.split('\n')[0]?.trim() ?? 'Untitled';
  return [{ section: { ...root, title, line: first?.line ?? 1 }, title, seeAlso: [] }];
}

/** One draft to write: the section whose subtree is the answer, its title and the see-also sections it carries. */
interface Plan {
  section: Section;
  title: string;
  seeAlso: Section[];
}

interface DraftContext {
  options: ImportOptions;
  sourceTitle: string | undefined;
  taken: Set<string>;
  titles: Map<string, number>;
  warnings: ImportWarning[];
}

// The sections of a group, with wrappers ("详细内容") opened and see-also sections set apart.
function openGroup(group: Section, skipped: Section[]): { kids: Section[]; seeAlso: Section[] } {
  const kids: Section[] = [];
  const seeAlso: Section[] = [];
  for (const child of group.children) {
    const name = plainTitle(child.title);
    if (SEE_ALSO.test(name)) seeAlso.push(child);
    else if (SKIPPED.test(name)) skipped.push(child);
    else if (WRAPPER.test(name) && child.children.length > 0 && !isQuestionHeading(name)) {
      const inner = openGroup(child, skipped);
      if (!isBlank(child.content)) kids.push({ ...child, children: [] });
      kids.push(...inner.kids);
      seeAlso.push(...inner.seeAlso);
    } else kids.push(child);
  }
  return { kids, seeAlso };
}

function planGroup(group: Section, inherited: Section[], ctx: DraftContext): Plan[] {
  const skipped: Section[] = [];
  const { kids, seeAlso } = openGroup(group, skipped);
  for (const s of skipped) ctx.warnings.push({ line: s.line, message: `skipped "${s.title}": it answers no question` });
  const links = [...inherited, ...seeAlso];
  const title = plainTitle(group.title) || ctx.sourceTitle;
  // A guide (操作场景, 操作步骤 …) answers one thing: how to do what its page or section is about.
  if (title && kids.some((k) => PART.test(plainTitle(k.title))) && !kids.some((k) => isQuestionHeading(k.title))) {
    const depth = Math.min(...kids.map((k) => k.depth)) - 1;
    return [{ section: { ...group, depth, content: [], children: kids }, title, seeAlso: links }];
  }
  return kids.flatMap((kid) => planSection(kid, group, links, ctx));
}

function planSection(section: Section, parent: Section, seeAlso: Section[], ctx: DraftContext): Plan[] {
  const name = plainTitle(section.title);
  const whole = (): Plan[] => [{ section, title: titleInContext(section, parent), seeAlso }];
  if (isQuestionHeading(section.title) && (section.children.length > 0 || !isBlank(section.content))) return whole();
  if (section.children.length === 0) {
    if (!isBlank(section.content)) return whole();
    ctx.warnings.push({ line: section.line, message: `skipped "${section.title}": no answer text under it` });
    return [];
  }
  const parts = section.children.filter((c) => PART.test(plainTitle(c.title)));
  if (!hasQuestionBelow(section) && (parts.length > 0 || !isBlank(section.content))) return whole();
  const lead: Plan[] = isBlank(section.content)
    ? []
    : [{ section: { ...section, children: [] }, title: name, seeAlso }];
  return [...lead, ...planGroup(section, seeAlso, ctx)];
}

function hasQuestionBelow(section: Section): boolean {
  return section.children.some((c) => isQuestionHeading(c.title) || hasQuestionBelow(c));
}

// "处理方法" under "## 空壳网站" means nothing on its own: name the section it belongs to. A question, or a heading
// that names its own subject, stays as the page states it.
function titleInContext(section: Section, parent: Section): string {
  const name = plainTitle(section.title);
  if (!(PART.test(name) || GENERIC.test(name)) || parent.title === '') return name;
  return `${name}（${plainTitle(parent.title)}）`;
}

function draftFrom(plan: Plan, ctx: DraftContext): DraftEntry {
  const { section, title } = plan;
  const seen = ctx.titles.get(title);
  if (seen !== undefined) ctx.warnings.push({ line: section.line, message: `"${title}" also asked on line ${seen}` });
  else ctx.titles.set(title, section.line);
  const answer = [renderAnswer(section, section.depth, ctx), ...plan.seeAlso.map((s) => renderSeeAlso(s, ctx))]
    .filter((part) => part !== '')
    .join('\n\n');
  const id = proposeId(title, ctx.taken);
  const topic = ctx.options.topic ?? proposeTopic(title);
  const tags = proposeTags(title);
  const text = renderDraft({ id, title, topic, tags, answer, line: section.line }, ctx);
  return { id, title, topic, tags, answer, line: section.line, text };
}

// Sub-headings keep their nesting below the draft's own `#` and `##`: a `####` under a `###` question becomes `###`.
function renderAnswer(section: Section, baseDepth: number, ctx: DraftContext): string {
  const parts = [convertContent(section.content, ctx)];
  for (const child of section.children) {
    const depth = Math.min(6, 2 + child.depth - baseDepth);
    parts.push(`${'#'.repeat(depth)} ${child.title}`, renderAnswer(child, baseDepth, ctx));
  }
  return tidy(parts.filter((p) => p !== '').join('\n\n'));
}

function renderSeeAlso(section: Section, ctx: DraftContext): string {
  const links = renderAnswer(section, section.depth, ctx);
  return links === '' ? '' : `**${section.title}**\n\n${links}`;
}

function convertContent(content: readonly Located[], ctx: DraftContext): string {
  const resolve = (url: string, line: number) => resolveUrl(url, line, ctx);
  return tidy(
    content
      .filter((item) => !isComment(item.token.raw))
      .map(({ token, line }) => {
        if (token.type === 'code') return token.raw;
        const { text, leftovers } = convertMarkup(token.raw, line, resolve);
        for (const l of leftovers) {
          warnOnce(ctx, l.line, `raw HTML <${l.tag}> kept; rewrite it in markdown`);
        }
        return text;
      })
      .join(''),
  );
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function resolveUrl(url: string, line: number, ctx: DraftContext): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return url;
  const base = ctx.options.sourceUrl;
  if (base === undefined) {
    warnOnce(ctx, line, `relative link "${url}" kept as is; give --source-url to resolve it`);
    return url;
  }
  return new URL(url, base).href;
}

// A see-also section is rendered into every answer it belongs to; its problems are reported once.
function warnOnce(ctx: DraftContext, line: number, message: string): void {
  if (!ctx.warnings.some((w) => w.line === line && w.message === message)) ctx.warnings.push({ line, message });
}

function renderDraft(draft: Omit<DraftEntry, 'text'>, ctx: DraftContext): string {
  const from = `${ctx.options.fileName ?? 'the imported page'} line ${draft.line}`;
  return [
    '---',
    ...frontMatterLines(draft, ctx),
    '# reviewed: left out on purpose; add it (YYYY-MM-DD) once a person has checked this draft against its source.',
    '---',
    '',
    `<!-- Draft imported by \`beian kb import\` from ${from}. Check the facts, then fill in what lint asks for. -->`,
    '',
    `# ${draft.title}`,
    '',
    '## Questions',
    '',
    '<!-- TODO: list the ways people ask this, Chinese and English, one "- " item each. -->',
    '',
    '## Answer',
    '',
    draft.answer,
    '',
  ].join('\n');
}

// Whatever is unknown is left out, so lint names it as missing instead of accepting a placeholder.
function frontMatterLines(draft: Omit<DraftEntry, 'text'>, ctx: DraftContext): string[] {
  const lines = [`id: ${scalar(draft.id)}`];
  if (draft.topic) lines.push(`topic: ${scalar(draft.topic)}`);
  else
    lines.push(
      `# topic: left for the reviewer; existing topics: ${(ctx.options.knownTopics ?? []).join(', ') || 'none yet'}`,
    );
  if (draft.tags.length > 0) lines.push(`tags: [${draft.tags.map(scalar).join(', ')}]`);
  const { sourceTitle } = ctx;
  const { sourceUrl } = ctx.options;
  if (sourceTitle !== undefined || sourceUrl !== undefined) lines.push('source:');
  if (sourceTitle !== undefined) lines.push(`  title: ${scalar(sourceTitle)}`);
  if (sourceUrl !== undefined) lines.push(`  url: ${scalar(sourceUrl)}`);
  return lines;
}

function scalar(value: string): string {
  return stringifyYaml(value, { lineWidth: 0 }).trimEnd();
}

function isComment(raw: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(raw);
}

function isBlankRaw(raw: string): boolean {
  return raw.trim() === '' || isComment(raw) || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(raw);
}

function firstText(content: readonly Located[]): Located | undefined {
  return content.find((l) => !isBlankRaw(l.token.raw));
}

function isBlank(content: readonly Located[]): boolean {
  return content.every((item) => isBlankRaw(dropAnchors(item.token.raw)));
}
