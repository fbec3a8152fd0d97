import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { countNewlines } from './locate-tokens.js';

/** Turns a link found on a page line into the URL to write, or null to keep it as it is (the callback warns). */
export type ResolveUrl = (url: string, line: number) => string;

const NOTICE_LABELS: Readonly<Record<string, string>> = { '!': '**注意 / Note:**', '?': '**说明 / Tip:**' };
const NOTICE_OPEN = /^(\s*)>\s*([!?])[ \t]*(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/**
 * Rewrites Tencent Cloud's notices (`>!` warning, `>?` tip) as plain block quotes with a bold label. A mark on its own
 * line opens a notice whose `>` lines and directly following list items (Tencent's renderer keeps unquoted `- ` lines
 * inside) all belong to it. Keeps the line count, so later line numbers still name the page's lines.
 */
export function convertNotices(page: string): string {
  const lines = page.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = NOTICE_OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', mark = '?', rest = ''] = open;
    const label = NOTICE_LABELS[mark] ?? '';
    lines[i] = `${indent}> ${label}${rest === '' ? '' : ` ${rest.replace(/^-\s*/, '- ')}`}`;
    if (rest !== '') continue;
    // A mark alone on its line: quote what follows it, up to the first blank line.
    for (let j = i + 1; j < lines.length; j += 1) {
      const line = lines[j] ?? '';
      if (line.trim() === '') break;
      const quoted = /^\s*>\s?(.*)$/.exec(line);
      if (quoted) lines[j] = `${indent}> ${(quoted[1] ?? '').replace(/^-(?=\S)/, '- ').replace(/^(-)\s{2,}/, '$1 ')}`;
      else if (LIST_ITEM.test(line)) lines[j] = `${indent}> ${line.replace(/^\s{0,3}/, '')}`;
      else break;
      i = j;
    }
  }
  return lines.join('\n');
}

const ANCHOR = /<(?:span|a)\s+(?:id|name)\s*=\s*["'][^"']*["'][^>]*>\s*<\/(?:span|a)>/gi;

/** `text` without the empty `<span id="…"></span>` / `<a name="…"></a>` anchors help centres put before headings. */
export function dropAnchors(text: string): string {
  return text.replace(ANCHOR, '');
}
const INLINE_TAG = /<(img|iframe|a|br|li)\b[^>]*>(?:([^<]*)<\/a>)?/gi;
const BLOCK_HTML = /^\s*<(table|ul|ol|div|p|iframe|img)\b/i;

/** What converting one piece of markup found: the markdown, and the raw HTML tags it had to leave. */
export interface Converted {
  text: string;
  leftovers: { tag: string; line: number }[];
}

/**
 * Converts the HTML a help centre leaves in its markdown into markdown the knowledge base can hold: anchors are
 * dropped, `<table>` becomes a pipe table, `<img>`, `<iframe>` and `<a>` become images and links, `<br>` a line
 * break. Every URL goes through `resolve` with the page line it sits on. `line` is the page line of `raw`'s start.
 */
export function convertMarkup(raw: string, line: number, resolve: ResolveUrl): Converted {
  const leftovers: Converted['leftovers'] = [];
  const withoutAnchors = dropAnchors(raw);
  if (BLOCK_HTML.test(withoutAnchors)) {
    return { text: `\n\n${convertHtmlBlock(withoutAnchors, line, resolve, leftovers)}\n\n`, leftovers };
  }
  const text = resolveMarkdownLinks(withoutAnchors, line, resolve).replace(INLINE_TAG, (tag, _name, _text, at) =>
    convertInlineTag(tag, lineAt(withoutAnchors, at, line), resolve),
  );
  for (const m of text.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    leftovers.push({ tag: (m[1] ?? '').toLowerCase(), line: lineAt(text, m.index, line) });
  }
  return { text, leftovers };
}

const MARKDOWN_LINK = /(!?\[[^\]\n]*\]\(\s*<?)([^)\s>]+)/g;

function resolveMarkdownLinks(raw: string, line: number, resolve: ResolveUrl): string {
  return raw.replace(MARKDOWN_LINK, (_match, head: string, url: string, at: number) => {
    return head.replace(/\(\s+/, '(') + resolve(url, lineAt(raw, at, line));
  });
}

function convertInlineTag(tag: string, line: number, resolve: ResolveUrl): string {
  const [node] = parseDocument(tag).children;
  if (node?.type !== 'tag') return tag;
  return renderInline([node], line, resolve);
}

function lineAt(text: string, offset: number, firstLine: number): number {
  return firstLine + countNewlines(text.slice(0, offset));
}

function convertHtmlBlock(html: string, line: number, resolve: ResolveUrl, leftovers: Converted['leftovers']): string {
  const doc = parseDocument(html, { withStartIndices: true });
  const lineOf = (node: ChildNode) => lineAt(html, node.startIndex ?? 0, line);
  const blocks: string[] = [];
  for (const node of doc.children) {
    if (node.type === 'tag' && node.name === 'table') blocks.push(renderTable(node, lineOf, resolve, leftovers));
    else if (node.type === 'tag' && (node.name === 'ul' || node.name === 'ol')) {
      blocks.push(renderList(node, 0, lineOf, resolve));
    } else {
      const text = renderInline([node], lineOf(node), resolve).trim();
      if (text !== '') blocks.push(text);
    }
  }
  return blocks.join('\n\n');
}

function renderTable(
  table: Element,
  lineOf: (node: ChildNode) => number,
  resolve: ResolveUrl,
  leftovers: Converted['leftovers'],
): string {
  const rows = findAll(table, 'tr').map((tr) =>
    tr.children
      .filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
      .map((cell) => {
        if (cell.attribs.rowspan || cell.attribs.colspan)
          leftovers.push({ tag: 'merged table cell', line: lineOf(cell) });
        return cellText(cell, lineOf, resolve);
      }),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  const [head = [], ...body] = rows;
  return [pad(head), Array<string>(width).fill('---'), ...body.map(pad)].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function cellText(cell: Element, lineOf: (node: ChildNode) => number, resolve: ResolveUrl): string {
  const items = findAll(cell, 'li');
  const text =
    items.length > 0 && cell.children.every((c) => c.type !== 'tag' || c.name === 'ul' || c.name === 'ol')
      ? items.map((li) => `• ${renderInline(li.children.filter(notList), lineOf(li), resolve).trim()}`).join(' ')
      : renderInline(cell.children, lineOf(cell), resolve);
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function notList(node: ChildNode): boolean {
  return !(node.type === 'tag' && (node.name === 'ul' || node.name === 'ol'));
}

function renderList(list: Element, level: number, lineOf: (node: ChildNode) => number, resolve: ResolveUrl): string {
  const indent = '  '.repeat(level);
  const ordered = list.name === 'ol';
  return list.children
    .filter((c): c is Element => c.type === 'tag' && c.name === 'li')
    .map((li, i) => {
      const own = renderInline(li.children.filter(notList), lineOf(li), resolve).trim();
      const nested = li.children
        .filter((c): c is Element => c.type === 'tag' && (c.name === 'ul' || c.name === 'ol'))
        .map((sub) => `\n${renderList(sub, level + 1, lineOf, resolve)}`)
        .join('');
      return `${indent}${ordered ? `${i + 1}.` : '-'} ${own}${nested}`;
    })
    .join('\n');
}

function renderInline(nodes: readonly ChildNode[], line: number, resolve: ResolveUrl): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.data;
      if (node.type !== 'tag') return '';
      const inner = () => renderInline(node.children, line, resolve);
      const { attribs } = node;
      switch (node.name) {
        case 'a':
          return attribs.href ? `[${inner().trim()}](${resolve(attribs.href, line)})` : inner();
        case 'img':
          return attribs.src ? `![${attribs.alt ?? ''}](${resolve(attribs.src, line)})` : '';
        case 'iframe':
          return attribs.src ? `[${attribs.title || '视频 / Video'}](${resolve(attribs.src, line)})` : '';
        case 'br':
          return '\n';
        case 'li':
          return ` • ${inner()}`;
        case 'strong':
        case 'b':
          return `**${inner()}**`;
        case 'ul':
        case 'ol':
          return `\n${renderList(node, 0, () => line, resolve)}\n`;
        case 'p':
        case 'div':
          return `${inner()}\n`;
        default:
          return inner();
      }
    })
    .join('');
}

function findAll(node: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'tag') continue;
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}
