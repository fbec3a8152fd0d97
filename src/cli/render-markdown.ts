import { marked, type Token, type Tokens } from 'marked';

/** How to draw text in the terminal. */
export interface Style {
  bold(text: string): string;
  italic(text: string): string;
  dim(text: string): string;
}

const PLAIN: Style = { bold: (t) => t, italic: (t) => t, dim: (t) => t };
const ANSI: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  italic: (t) => `\x1b[3m${t}\x1b[23m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/** ANSI styles for a colour terminal, plain text otherwise (pipes, files, NO_COLOR). */
export function chooseStyle(color: boolean): Style {
  return color ? ANSI : PLAIN;
}

/**
 * Renders markdown for a terminal: bold kept as bold, lists and numbered steps indented, links as
 * `text (url)`, images as `[图片/image: alt] url`, block quotes behind a bar.
 */
export function renderMarkdown(markdown: string, style: Style = PLAIN): string {
  return renderBlocks(LEXED.get(markdown) ?? marked.lexer(markdown), style).trimEnd();
}

// Markdown lexed in an earlier run: marked's first lexing in a process costs about 50 ms (its rules compiling).
const LEXED = new Map<string, Token[]>();

/** The tokens {@link renderMarkdown} draws, as plain JSON-safe objects (what the knowledge cache keeps). */
export function lexMarkdown(markdown: string): Token[] {
  return [...marked.lexer(markdown)];
}

/** Lets {@link renderMarkdown} draw `markdown` from tokens {@link lexMarkdown} made for it before. */
export function rememberTokens(markdown: string, tokens: Token[]): void {
  LEXED.set(markdown, tokens);
}

function renderBlocks(tokens: readonly Token[], style: Style): string {
  return tokens
    .map((token) => renderBlock(token, style))
    .filter((text) => text !== '')
    .join('\n\n');
}

function renderBlock(token: Token, style: Style): string {
  switch (token.type) {
    case 'heading':
      return style.bold(renderInline(token.tokens ?? [], style));
    case 'paragraph':
    case 'text':
      return token.tokens ? renderInline(token.tokens, style) : decode(token.text);
    case 'list':
      return renderList(token as Tokens.List, style);
    case 'blockquote':
      return prefixLines(renderBlocks(token.tokens ?? [], style), '│ ');
    case 'code':
      return prefixLines(token.text, '    ');
    case 'hr':
      return '────────';
    case 'table':
      return renderTable(token as Tokens.Table, style);
    default:
      // space, html (editor comments) and anything unknown carry nothing for a reader.
      return '';
  }
}

function renderList(list: Tokens.List, style: Style): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  const items = list.items.map((item, i) => {
    const marker = list.ordered ? `${start + i}. ` : '• ';
    const body = item.tokens.map((t) => renderBlock(t, style)).filter((t) => t !== '');
    const text = body.join(list.loose ? '\n\n' : '\n');
    return marker + text.replaceAll('\n', `\n${' '.repeat(marker.length)}`).replace(/\n\s+\n/g, '\n\n');
  });
  return prefixLines(items.join(list.loose ? '\n\n' : '\n'), '  ');
}

function renderTable(table: Tokens.Table, style: Style): string {
  const row = (cells: readonly { tokens: Token[] }[]) => cells.map((c) => renderInline(c.tokens, style)).join(' | ');
  return [style.bold(row(table.header)), ...table.rows.map(row)].join('\n');
}

function renderInline(tokens: readonly Token[], style: Style): string {
  return tokens.map((token) => renderSpan(token, style)).join('');
}

function renderSpan(token: Token, style: Style): string {
  switch (token.type) {
    case 'strong':
      return style.bold(renderInline(token.tokens ?? [], style));
    case 'em':
      return style.italic(renderInline(token.tokens ?? [], style));
    case 'codespan':
      return `\`${decode(token.text)}\``;
    case 'link':
      return renderLink(token as Tokens.Link, style);
    case 'image':
      return `[图片/image: ${(token as Tokens.Image).text || '—'}] ${(token as Tokens.Image).href}`;
    case 'br':
      return '\n';
    case 'html':
      return '';
    case 'text':
    case 'del':
      return token.tokens ? renderInline(token.tokens, style) : decode(token.text);
    default:
      return decode(token.raw);
  }
}

function renderLink(link: Tokens.Link, style: Style): string {
  const text = renderInline(link.tokens, style).trim();
  if (text === '' || text === link.href) return link.href;
  return `${text} (${style.dim(link.href)})`;
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}
