import { Lexer, marked, type Token } from 'marked';
import { MarkdownError } from '../errors.js';

/** A top-level markdown token and the 1-based line it starts on. */
export interface Located {
  token: Token;
  line: number;
}

/**
 * The deepest nesting of block quotes and lists accepted: an answer needs three or four levels; marked
 * recurses once per level (a ">" × 2,000 line overflows its stack) and re-reads the text of every nested
 * list item, so 300 indented levels already cost seconds.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Lexes markdown and pins each top-level token to its line (marked's tokens carry no positions).
 * Throws a MarkdownError for markdown nested too deep to lex safely, or that marked itself gives up on.
 */
export function locateTokens(body: string, firstLine: number): Located[] {
  const deep = findDeepNesting(body);
  if (deep !== null) {
    throw new MarkdownError(
      firstLine + deep,
      `block quotes or lists nested more than ${MAX_NESTING_DEPTH} deep; flatten them`,
    );
  }
  let tokens: Token[];
  try {
    tokens = marked.lexer(body);
  } catch (cause) {
    // The last line of defence (a stack or string limit inside marked): a problem in this file, not a crash.
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MarkdownError(firstLine + findFailingLine(body), `the markdown cannot be read (${why})`, { cause });
  }
  const located: Located[] = [];
  let line = firstLine;
  for (const token of tokens) {
    located.push({ token, line: line + leadingNewlines(token.raw) });
    line += countNewlines(token.raw);
  }
  return located;
}

// Only once lexing has failed: the blocks without their inline text, then each block alone, to name
// the line of the one that fails (0, the first line, when even the blocks cannot be read).
function findFailingLine(body: string): number {
  let blocks: Token[];
  try {
    blocks = new Lexer().blockTokens(body, []);
  } catch {
    return 0;
  }
  let line = 0;
  for (const block of blocks) {
    try {
      marked.lexer(block.raw);
    } catch {
      return line + leadingNewlines(block.raw);
    }
    line += countNewlines(block.raw);
  }
  return 0;
}

const MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** An open block quote, or an open list item and the column its text starts at. */
type Container = { quote: true } | { quote: false; column: number };

/**
 * The 0-based index of the first line nested deeper than {@link MAX_NESTING_DEPTH}, or null: one pass over
 * line prefixes, matching each line against the open quotes (by their `>`) and list items (by indentation)
 * the way CommonMark does, then opening the new ones it starts. Lazy continuation lines count a level
 * too few, never too many; the lexer's own guard stands behind it.
 */
function findDeepNesting(body: string): number | null {
  const open: Container[] = [];
  let index = 0;
  for (const text of body.split('\n')) {
    if (scanLine(text, open) > MAX_NESTING_DEPTH) return index;
    index += 1;
  }
  return null;
}

function scanLine(text: string, open: Container[]): number {
  const at = { pos: 0, column: 0 };
  const skipSpaces = (limit = Number.POSITIVE_INFINITY) => {
    const start = at.column;
    while ((text[at.pos] === ' ' || text[at.pos] === '\t') && at.column - start < limit) {
      at.column = text[at.pos] === '\t' ? at.column + 4 - (at.column % 4) : at.column + 1;
      at.pos += 1;
    }
  };
  if (text.trim() === '') return open.length; // a blank line closes nothing here that matters to depth
  let matched = 0;
  for (const container of open) {
    skipSpaces(container.quote ? 3 : Number.POSITIVE_INFINITY);
    if (container.quote ? text[at.pos] !== '>' : at.column < container.column) break;
    if (container.quote) {
      at.pos += 1;
      at.column += 1;
      skipSpaces(1);
    }
    matched += 1;
  }
  open.length = matched;
  while (open.length <= MAX_NESTING_DEPTH) {
    skipSpaces();
    if (text[at.pos] === '>') {
      at.pos += 1;
      at.column += 1;
      skipSpaces(1);
      open.push({ quote: true });
      continue;
    }
    const marker = MARKER.exec(text.slice(at.pos, at.pos + 12))?.[0];
    if (marker === undefined || THEMATIC_BREAK.test(text.slice(at.pos))) break;
    at.pos += marker.length;
    at.column += marker.length;
    const markerEnd = at.column;
    skipSpaces();
    // CommonMark: an item's text starts after one to four spaces; more (or none) counts as one.
    open.push({
      quote: false,
      column: at.pos === text.length || at.column - markerEnd > 4 ? markerEnd + 1 : at.column,
    });
  }
  return open.length;
}

function leadingNewlines(raw: string): number {
  return countNewlines(/^\s*/.exec(raw)?.[0] ?? '');
}

/** How many line feeds `text` holds. */
export function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n += 1;
  return n;
}
