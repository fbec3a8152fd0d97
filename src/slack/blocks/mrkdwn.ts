import { lexer, type Token, type Tokens } from 'marked';
import { showInvisible } from '../../core/text/show-invisible.js';
import type { DividerBlock, ImageBlock, SectionBlock } from './kit.js';

/** Slack's limit on a section block's text. */
export const MAX_SECTION_CHARS = 3000;
/** Slack's limit on blocks in one message. */
export const MAX_BLOCKS = 50;

export type AnswerBlock = SectionBlock | ImageBlock | DividerBlock;

type Piece = { kind: 'text'; text: string } | { kind: 'image'; url: string; alt: string } | { kind: 'divider' };

const BULLETS = ['•', '◦', '▪'];
// Slack trims ordinary leading spaces in mrkdwn; em spaces survive, so nested lists stay indented.
const INDENT = '\u2003';
const SAFE_LINK = /^(https?:|mailto:)/i;
// Slack only sees *bold*, _italic_, ~strike~ and `code` when the markers sit at a word boundary, which
// Chinese text (no spaces) never gives it. A zero-width space on each side makes one; it is dropped
// again wherever a real space or a line edge already does the job.
const ZWSP = '\u200B';

/** Escapes the three characters Slack's mrkdwn reserves for its own markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Line breaks would let a page start a line of its own (a forged "✅ Pass"); they become spaces.
const PAGE_LINE_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Mrkdwn has no escape for its markers; between two letters or digits Slack does not read them as markup,
// elsewhere they become look-alikes. A backtick always does, so a page cannot open or close a code span.
const PAGE_MARKER = /`|(?<![\p{L}\p{N}])[*_~]|[*_~](?![\p{L}\p{N}])/gu;
const LOOK_ALIKE: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/**
 * Makes text a web page controls (hrefs, link text, anything quoted in a finding) inert in mrkdwn: no links,
 * mentions (`<!channel>`), formatting or line breaks of its own; control characters shown as `[U+XXXX]`.
 * Pair it with `verbatim: true` so Slack does not auto-link URLs or `@here` in it either.
 */
export function escapePageText(text: string): string {
  const visible = showInvisible(text.replace(PAGE_LINE_BREAK, ' '));
  return escapeMrkdwn(visible).replace(PAGE_MARKER, (marker) => LOOK_ALIKE[marker] ?? marker);
}

/** Encodes a URL for `<url|text>`: a raw `|`, `>`, `<`, space or control character would end or bend the link. */
export function encodeLinkUrl(url: string): string {
  return url.replace(/[|<>\s\p{Cc}\p{Cf}]/gu, (char) => encodeURIComponent(char)).replace(/&/g, '&amp;');
}

/** Renders markdown as Slack Block Kit: mrkdwn sections of at most 3,000 characters, image blocks, dividers. */
export function markdownToBlocks(markdown: string): AnswerBlock[] {
  const pieces = renderBlockTokens(lexer(markdown));
  const blocks: AnswerBlock[] = [];
  let text: string[] = [];
  const flushText = () => {
    for (const chunk of splitText(tidyBoundaries(text.join('\n\n')), MAX_SECTION_CHARS)) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
    }
    text = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      if (piece.text.trim() !== '') text.push(piece.text);
      continue;
    }
    flushText();
    blocks.push(
      piece.kind === 'image'
        ? { type: 'image', image_url: piece.url, alt_text: piece.alt.slice(0, 2000) || 'image' }
        : { type: 'divider' },
    );
  }
  flushText();
  return blocks;
}

/** Renders markdown to one mrkdwn string (images become links); for short texts such as titles and notes. */
export function markdownToMrkdwn(markdown: string): string {
  const text = renderBlockTokens(lexer(markdown))
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'image' ? `<${p.url}|${escapeMrkdwn(p.alt)}>` : '———'))
    .join('\n\n');
  return tidyBoundaries(text);
}

function tidyBoundaries(text: string): string {
  return text
    .replace(/(^|\s)\u200B+/gm, '$1')
    .replace(/\u200B+(?=\s|$)/gm, '')
    .replace(/\u200B{2,}/g, ZWSP);
}

/** Splits text into chunks of at most `max` characters, preferring paragraph, then line, then word boundaries. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

function renderBlockTokens(tokens: readonly Token[]): Piece[] {
  return tokens.flatMap(renderBlockToken);
}

function renderBlockToken(token: Token): Piece[] {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return renderParagraph(token as Tokens.Paragraph);
    case 'heading':
      return [{ kind: 'text', text: `*${renderInline((token as Tokens.Heading).tokens)}*` }];
    case 'list':
      return [{ kind: 'text', text: renderList(token as Tokens.List, 0).join('\n') }];
    case 'code':
      return [{ kind: 'text', text: `\`\`\`\n${escapeMrkdwn((token as Tokens.Code).text)}\n\`\`\`` }];
    case 'blockquote':
      return renderBlockquote(token as Tokens.Blockquote);
    case 'table':
      return [{ kind: 'text', text: renderTable(token as Tokens.Table) }];
    case 'hr':
      return [{ kind: 'divider' }];
    case 'html':
      return [{ kind: 'text', text: escapeMrkdwn((token as Tokens.HTML).text.trim()) }];
    default:
      return [];
  }
}

function renderParagraph(token: Tokens.Paragraph | Tokens.Text): Piece[] {
  const images: Piece[] = [];
  const text = token.tokens ? renderInline(token.tokens, images) : escapeMrkdwn(token.text);
  return [{ kind: 'text', text }, ...images];
}

function renderBlockquote(token: Tokens.Blockquote): Piece[] {
  return renderBlockTokens(token.tokens).map((p) =>
    p.kind === 'text' ? { kind: 'text', text: p.text.replace(/^/gm, '> ') } : p,
  );
}

function renderList(list: Tokens.List, depth: number): string[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items.flatMap((item, i) => {
    const marker = list.ordered ? `${start + i}.` : (BULLETS[depth % BULLETS.length] ?? '•');
    const box = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
    const lines: string[] = [];
    const own: string[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') {
        lines.push(...renderList(child as Tokens.List, depth + 1));
      } else if (child.type !== 'checkbox') {
        const text = renderBlockToken(child)
          .map((p) => (p.kind === 'text' ? p.text : p.kind === 'image' ? `<${p.url}|${escapeMrkdwn(p.alt)}>` : ''))
          .join(' ');
        if (text.trim() !== '') own.push(text);
      }
    }
    return [`${INDENT.repeat(depth)}${marker} ${box}${own.join(' ')}`, ...lines];
  });
}

function renderTable(table: Tokens.Table): string {
  const header = table.header.map((cell) => `*${renderInline(cell.tokens)}*`).join(' | ');
  const rows = table.rows.map((row) => row.map((cell) => renderInline(cell.tokens)).join(' | '));
  return [header, ...rows].join('\n');
}

/** Renders inline tokens to mrkdwn; images are collected into `images` (block-level) when given. */
function renderInline(tokens: readonly Token[], images?: Piece[]): string {
  return tokens.map((t) => renderInlineToken(t, images)).join('');
}

function renderInlineToken(token: Token, images?: Piece[]): string {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      // A soft line break in markdown is a space; only explicit breaks (br) start a new line in Slack.
      return t.tokens ? renderInline(t.tokens, images) : escapeMrkdwn(t.text.replace(/\n/g, ' '));
    }
    case 'escape':
      return escapeMrkdwn((token as Tokens.Escape).text);
    case 'strong':
      return wrap('*', renderInline((token as Tokens.Strong).tokens, images));
    case 'em':
      return wrap('_', renderInline((token as Tokens.Em).tokens, images));
    case 'del':
      return wrap('~', renderInline((token as Tokens.Del).tokens, images));
    case 'codespan':
      return `${ZWSP}\`${escapeMrkdwn((token as Tokens.Codespan).text)}\`${ZWSP}`;
    case 'br':
      return '\n';
    case 'link':
      return renderLink(token as Tokens.Link);
    case 'image':
      return renderImage(token as Tokens.Image, images);
    // Answers use <placeholders> such as <your-domain> far more often than HTML: show them as written.
    case 'html':
      return escapeMrkdwn((token as Tokens.HTML).text);
    default:
      return 'text' in token && typeof token.text === 'string' ? escapeMrkdwn(token.text) : '';
  }
}

function wrap(mark: string, inner: string): string {
  const trimmed = inner.trim();
  return trimmed === '' ? inner : `${ZWSP}${mark}${trimmed}${mark}${ZWSP}`;
}

function renderLink(link: Tokens.Link): string {
  const text = plainText(link.tokens) || link.href;
  if (!SAFE_LINK.test(link.href)) return escapeMrkdwn(text);
  const url = encodeLinkUrl(link.href);
  return text === link.href ? `<${url}>` : `<${url}|${escapeMrkdwn(text)}>`;
}

function renderImage(image: Tokens.Image, images?: Piece[]): string {
  const alt = image.text || 'image';
  if (!/^https?:/i.test(image.href)) return escapeMrkdwn(alt);
  if (images) {
    images.push({ kind: 'image', url: image.href, alt });
    return '';
  }
  return `<${encodeLinkUrl(image.href)}|${escapeMrkdwn(alt)}>`;
}

function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && Array.isArray(t.tokens) ? plainText(t.tokens) : 'text' in t ? String(t.text) : ''))
    .join('');
}
