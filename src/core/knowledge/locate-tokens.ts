import { marked, type Token } from 'marked';

/** A top-level markdown token and the 1-based line it starts on. */
export interface Located {
  token: Token;
  line: number;
}

/** Lexes markdown and pins each top-level token to its line (marked's tokens carry no positions). */
export function locateTokens(body: string, firstLine: number): Located[] {
  const located: Located[] = [];
  let line = firstLine;
  for (const token of marked.lexer(body)) {
    located.push({ token, line: line + leadingNewlines(token.raw) });
    line += countNewlines(token.raw);
  }
  return located;
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
