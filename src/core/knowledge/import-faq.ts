import type { Token } from 'marked';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
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
  /** Ids already in use (the knowledge folder's); proposed ids never collide with them. */
  takenIds?: Iterable<string>;
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
  parent: Section | null;
  hasChildren: boolean;
}

/**
 * Turns a cloud provider's FAQ page into draft entries: every heading with answer text becomes one
 * draft (a heading that only groups sub-questions gives them context instead). Drafts leave out
 * `reviewed` and their `## Questions` list so `beian kb lint` refuses them until a person finishes them.
 */
export function importFaq(markdown: string, options: ImportOptions = {}): ImportResult {
  const split = splitFrontMatter(normaliseSource(markdown), options.fileName ?? 'page');
  const hasFrontMatter = split.yaml !== null;
  const page = hasFrontMatter ? readPageMeta(split.yaml ?? '') : {};
  const body = hasFrontMatter ? (split.body ?? '') : normaliseSource(markdown);
  const firstLine = hasFrontMatter ? split.bodyLine : 1;
  const warnings: ImportWarning[] = [];
  const { preamble, sections } = readSections(locateTokens(body, firstLine));
  const candidates = sections.length === 0 ? untitledPage(preamble, page.title) : sections;
  if (sections.length > 0 && !isBlank(preamble)) {
    warnings.push({ line: preamble[0]?.line ?? 1, message: 'text before the first heading was not imported' });
  }
  const context: DraftContext = {
    options,
    sourceTitle: options.sourceTitle ?? page.title,
    taken: new Set(options.takenIds ?? []),
    titles: new Map(),
    warnings,
  };
  const drafts = candidates.flatMap((section, i) => draftSection(section, i + 1, context));
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

function readSections(tokens: readonly Located[]): { preamble: Located[]; sections: Section[] } {
  const preamble: Located[] = [];
  const sections: Section[] = [];
  for (const item of tokens) {
    const { token } = item;
    if (token.type === 'heading') {
      const parent = [...sections].reverse().find((s) => s.depth < token.depth) ?? null;
      if (parent) parent.hasChildren = true;
      const title = token.text.trim();
      sections.push({ depth: token.depth, title, line: item.line, content: [], parent, hasChildren: false });
    } else {
      (sections.at(-1)?.content ?? preamble).push(item);
    }
  }
  return { preamble, sections };
}

function untitledPage(preamble: Located[], pageTitle: string | undefined): Section[] {
  if (isBlank(preamble)) return [];
  const firstText = preamble.find((l) => !isBlankToken(l.token));
  const title = pageTitle ?? firstText?.token.raw.split('\n')[0]?.trim() ?? 'Untitled';
  return [{ depth: 1, title, line: firstText?.line ?? 1, content: preamble, parent: null, hasChildren: false }];
}

interface DraftContext {
  options: ImportOptions;
  sourceTitle: string | undefined;
  taken: Set<string>;
  titles: Map<string, number>;
  warnings: ImportWarning[];
}

function draftSection(section: Section, index: number, ctx: DraftContext): DraftEntry[] {
  if (isBlank(section.content)) {
    if (!section.hasChildren) {
      ctx.warnings.push({ line: section.line, message: `skipped "${section.title}": no answer text under it` });
    }
    return [];
  }
  const title = titleInContext(section);
  const seen = ctx.titles.get(title);
  if (seen !== undefined) ctx.warnings.push({ line: section.line, message: `"${title}" also asked on line ${seen}` });
  else ctx.titles.set(title, section.line);
  const answer = convertAnswer(section.content, ctx, section.line);
  const id = proposeId(title, ctx.taken, index);
  const topic = ctx.options.topic ?? proposeTopic(title);
  const tags = proposeTags(title);
  const text = renderDraft({ id, title, topic, tags, answer, line: section.line }, ctx);
  return [{ id, title, topic, tags, answer, line: section.line, text }];
}

// "处理方法" under "## 空壳网站" means nothing on its own: name the section it belongs to.
function titleInContext(section: Section): string {
  const parent = section.parent;
  if (!parent || section.title.includes(parent.title)) return section.title;
  return `${section.title}（${parent.title}）`;
}

function convertAnswer(content: readonly Located[], ctx: DraftContext, line: number): string {
  return content
    .filter((item) => !isComment(item.token))
    .map((item) => convertToken(item.token, ctx, line))
    .join('')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function convertToken(token: Token, ctx: DraftContext, line: number): string {
  if (token.type === 'code') return token.raw;
  const raw = token.type === 'blockquote' ? convertNotices(token.raw) : token.raw;
  return resolveLinks(raw, ctx, line);
}

// Tencent Cloud writes notices as `>!` (warning) and `>?` (tip); plain markdown shows them as stray marks.
function convertNotices(raw: string): string {
  return raw.replace(/^(\s*>)\s*!\s*/gm, '$1 **注意 / Note:** ').replace(/^(\s*>)\s*\?\s*/gm, '$1 **说明 / Tip:** ');
}

const LINK = /(!?\[[^\]\n]*\]\(\s*<?)([^)\s>]+)/g;

function resolveLinks(raw: string, ctx: DraftContext, line: number): string {
  return raw.replace(LINK, (match, head: string, url: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return match;
    const base = ctx.options.sourceUrl;
    if (base === undefined) {
      ctx.warnings.push({ line, message: `relative link "${url}" kept as is; give --source-url to resolve it` });
      return match;
    }
    return head + new URL(url, base).href;
  });
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

function isComment(token: Token): boolean {
  return token.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(token.raw);
}

function isBlankToken(token: Token): boolean {
  return token.type === 'space' || token.type === 'hr' || isComment(token);
}

function isBlank(content: readonly Located[]): boolean {
  return content.every((item) => isBlankToken(item.token));
}
