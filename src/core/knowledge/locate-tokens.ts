import { marked, type Token } from 'marked';
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
    throw new MarkdownError(firstLine, `the markdown cannot be read (${why})`, { cause });
  }
  const located: Located[] = [];
  let line = firstLine;
  for (const token of tokens) {
    located.push({ token, line: line + leadingNewlines(token.raw) });
    line += countNewlines(token.raw);
  }
  return located;
}

const MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The 0-based index of the first line nested deeper than {@link MAX_NESTING_DEPTH}, or null: one pass
 * over line prefixes, counting the `>` and list markers on each line plus the list items it is indented under.
 * Close enough for a limit ten times what an answer needs; the lexer's own guard stands behind it.
 */
function findDeepNesting(body: string): number | null {
  const open: number[] = []; // content columns of the list items the current line may belong to
  let index = 0;
  for (const text of body.split('\n')) {
    const depth = lineDepth(text, open);
    if (depth > MAX_NESTING_DEPTH) return index;
    index += 1;
  }
  return null;
}

function lineDepth(text: string, open: number[]): number {
  let pos = 0;
  let column = 0;
  const skipSpaces = () => {
    while (text[pos] === ' ' || text[pos] === '\t') {
      column = text[pos] === '\t' ? column + 4 - (column % 4) : column + 1;
      pos += 1;
    }
  };
  skipSpaces();
  if (pos === text.length) return 0; // a blank line closes nothing
  while (open.length > 0 && column < (open.at(-1) ?? 0)) open.pop();
  let depth = open.length;
  while (depth <= MAX_NESTING_DEPTH) {
    if (text[pos] === '>') {
      pos += 1;
      column += 1;
    } else {
      const marker = MARKER.exec(text.slice(pos, pos + 12))?.[0];
      if (marker === undefined || THEMATIC_BREAK.test(text.slice(pos))) return depth;
      pos += marker.length;
      column += marker.length;
      const markerEnd = column;
      skipSpaces();
      // CommonMark: the item's text starts after one to four spaces; more (or none) means one.
      open.push(pos === text.length || column - markerEnd > 4 ? markerEnd + 1 : column);
    }
    depth += 1;
    skipSpaces();
  }
  return depth;
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
