import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { KnowledgeProblem } from '../errors.js';

/** A file split at its front matter: the YAML between the `---` lines and the markdown after them. */
export interface SplitFile {
  /** The YAML text, or null when the file has no (closed) front matter. */
  yaml: string | null;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** The markdown after the front matter; null when an unclosed block leaves no telling where it starts. */
  body: string | null;
  /** 1-based line of the first body line. */
  bodyLine: number;
  problems: KnowledgeProblem[];
}

/** Parsed front matter: the plain data and a way to find the line of any field. */
export interface FrontMatter {
  data: unknown;
  /** 1-based file line of the field at `path` (the key's line), or of the nearest parent found. */
  lineOf(path: readonly PropertyKey[]): number;
  problems: KnowledgeProblem[];
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;

/** Normalises line endings and a byte-order mark so every later line number is counted the same way. */
export function normaliseSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits `---` front matter from the markdown body, reporting a missing or unterminated block. */
export function splitFrontMatter(text: string, file: string): SplitFile {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    const problem = { file, line: 1, message: "missing front matter: the file must start with a '---' line" };
    return { yaml: null, yamlLine: 1, body: text, bodyLine: 1, problems: [problem] };
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close === -1) {
    const problem = { file, line: 1, message: "unterminated front matter: no closing '---' line after line 1" };
    return { yaml: null, yamlLine: 2, body: null, bodyLine: lines.length + 1, problems: [problem] };
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    problems: [],
  };
}

/** Parses front-matter YAML, keeping positions so problems can name the line of each field. */
export function parseFrontMatter(yaml: string, firstLine: number, file: string): FrontMatter {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  // The first error only: a broken bracket or quote makes every later line "bad" too (a line of 20,000 '['
  // gives hundreds of errors), and the first is the one to fix.
  const problems = doc.errors.slice(0, 1).map((error) => ({
    file,
    line: toLine(error.pos[0]),
    message: `bad YAML in front matter: ${firstSentence(error.message)}`,
  }));
  // A field missing at the top level has no line of its own: point at the opening '---'.
  const lineOf = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc.contents, path);
    return offset === null ? firstLine - 1 : toLine(offset);
  };
  if (problems.length > 0) return { data: undefined, lineOf, problems };
  const refuse = (line: number, why: string): FrontMatter => ({
    data: undefined,
    lineOf,
    problems: [{ file, line, message: `bad YAML in front matter: ${why}` }],
  });
  try {
    const alias = firstAliasOffset(doc);
    // No entry needs one, and aliases of aliases are how a few lines expand to billions of values.
    if (alias !== null) return refuse(toLine(alias), 'YAML aliases (*name) are not allowed; write the value out');
    return { data: doc.toJS(), lineOf, problems };
  } catch (error) {
    // The library's own limits (nesting, alias count) throw; they are a problem in this file, not a crash.
    return refuse(firstLine - 1, firstSentence(error instanceof Error ? error.message : String(error)));
  }
}

function firstAliasOffset(doc: Document): number | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function offsetOf(root: unknown, path: readonly PropertyKey[]): number | null {
  let node = root;
  let offset: number | null = null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = rangeStart(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      offset = rangeStart(node);
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
