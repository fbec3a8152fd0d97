import type { Token, Tokens } from 'marked';
import type { z } from 'zod';
import { type KnowledgeProblem, MarkdownError } from '../errors.js';
import { normaliseText } from '../text/normalise.js';
import { checkAnswerMarkup } from './check-answer-markup.js';
import { createFrontMatterSchema, FRONT_MATTER_FIELDS, type FrontMatterFields } from './entry-schema.js';
import { DEFAULT_REVIEW_EVERY_DAYS } from './freshness.js';
import { type FrontMatter, normaliseSource, parseFrontMatter, splitFrontMatter } from './front-matter.js';
import { countNewlines, type Located, locateTokens } from './locate-tokens.js';
import type { Entry } from './types.js';

/** Options for validating knowledge files. */
export interface ParseOptions {
  /** The latest acceptable `reviewed` date, `YYYY-MM-DD`; default: {@link latestToday}. */
  today?: string;
  /** Also reject what imports leave behind: raw anchors, broken notices, relative links (`beian kb lint`). */
  checkMarkup?: boolean;
  /** Days an entry without its own `review_every` stays fresh after `reviewed`; default {@link DEFAULT_REVIEW_EVERY_DAYS}. */
  reviewEveryDays?: number;
}

/** A question as written, with the line of its bullet. */
export interface QuestionLine {
  text: string;
  line: number;
}

/** One file, read as far as it could be: the entry when valid, and what cross-file checks need either way. */
export interface ParsedKnowledgeFile {
  file: string;
  entry: Entry | null;
  id: { value: string; line: number } | null;
  /** The front matter's topic when it is a string, valid or not: lint lists the topics in use. */
  topic: string | null;
  questions: readonly QuestionLine[];
  problems: readonly KnowledgeProblem[];
}

interface Body {
  title: string | null;
  titleLine: number;
  questions: QuestionLine[];
  answer: string;
}

const SECTIONS = ['Questions', 'Answer'] as const;
type SectionName = (typeof SECTIONS)[number];

/**
 * Today's date where it is already tomorrow first (UTC+14): a `reviewed` date is only "in the future"
 * when it is in the future everywhere, so a reviewer in Beijing after midnight is never refused.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Parses and validates one knowledge file; never throws, every problem is returned with its line. */
export function parseKnowledgeFile(text: string, file: string, options: ParseOptions = {}): ParsedKnowledgeFile {
  const split = splitFrontMatter(normaliseSource(text), file);
  const problems: KnowledgeProblem[] = [...split.problems];
  const front = split.yaml === null ? null : parseFrontMatter(split.yaml, split.yamlLine, file);
  const fields = front ? checkFrontMatter(front, file, options.today ?? latestToday(), problems) : null;
  const body = split.body === null ? emptyBody() : readBody(split.body, split.bodyLine, file, problems, options);
  const id = readId(front);
  const entry =
    problems.length === 0 && fields && body.title !== null
      ? {
          ...withReviewEvery(fields, options.reviewEveryDays ?? DEFAULT_REVIEW_EVERY_DAYS),
          title: body.title,
          questions: body.questions.map((q) => q.text),
          answer: body.answer,
          file,
          line: 1,
        }
      : null;
  const topic = (front?.data as { topic?: unknown } | undefined)?.topic;
  return { file, entry, id, topic: typeof topic === 'string' ? topic : null, questions: body.questions, problems };
}

function withReviewEvery(fields: FrontMatterFields, defaultDays: number) {
  const { review_every, owner, ...rest } = fields;
  return { ...rest, ...(owner === undefined ? {} : { owner }), reviewEvery: review_every ?? defaultDays };
}

function emptyBody(): Body {
  return { title: null, titleLine: 1, questions: [], answer: '' };
}

function readId(front: FrontMatter | null): ParsedKnowledgeFile['id'] {
  const data = front?.data as { id?: unknown } | undefined;
  if (typeof data?.id !== 'string' || data.id === '') return null;
  return { value: data.id, line: front?.lineOf(['id']) ?? 1 };
}

function checkFrontMatter(
  front: FrontMatter,
  file: string,
  today: string,
  problems: KnowledgeProblem[],
): FrontMatterFields | null {
  problems.push(...front.problems);
  if (front.problems.length > 0) return null;
  const data = front.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: front.lineOf([]), message: 'front matter must be a mapping of fields (key: value)' });
    return null;
  }
  const parsed = createFrontMatterSchema(today).safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push(...describeIssue(issue, data, front, file));
  return null;
}

function describeIssue(issue: z.core.$ZodIssue, data: object, front: FrontMatter, file: string): KnowledgeProblem[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path === '' ? 'front matter' : path;
    const allowed = path === '' ? FRONT_MATTER_FIELDS.join(', ') : 'title, url';
    return issue.keys.map((key) => ({
      file,
      line: front.lineOf([...issue.path, key]),
      message: `unknown field "${key}" in ${where} (allowed: ${allowed})`,
    }));
  }
  const line = front.lineOf(issue.path);
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) {
    return [{ file, line, message: `missing required field "${path}"${EXPECTED[path] ?? ''}` }];
  }
  if (issue.code === 'invalid_type') {
    return [{ file, line, message: WRONG_TYPE[path] ?? `field "${path}" must be ${article(issue.expected)}` }];
  }
  return [{ file, line, message: issue.message }];
}

// What a missing field should hold, said where a writer first meets it.
const EXPECTED: Readonly<Record<string, string>> = {
  source: ' (a mapping of the page the facts come from: title: its name, url: its http(s) address)',
  'source.title': ' (the name of the page the facts come from)',
  'source.url': ' (the http(s) address of the page the facts come from)',
};

// Fields whose type a writer gets wrong in ways the generic "must be a …" would not explain.
const WRONG_TYPE: Readonly<Record<string, string>> = {
  review_every: 'review_every must be a whole number of days, e.g. 90',
  owner: 'owner must be a Slack user or user group written in quotes, e.g. owner: "<@U0123ABCD>"',
};

function valueAt(data: object, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

function article(expected: string): string {
  return expected === 'array' ? 'a list, e.g. [a, b]' : expected === 'object' ? 'a mapping' : `a ${expected}`;
}

function readBody(
  text: string,
  firstLine: number,
  file: string,
  problems: KnowledgeProblem[],
  options: ParseOptions,
): Body {
  const body: Body = { title: null, titleLine: firstLine, questions: [], answer: '' };
  const sections = new Map<SectionName, { line: number; tokens: Located[] }>();
  let tokens: Located[];
  try {
    tokens = locateTokens(text, firstLine);
  } catch (error) {
    if (!(error instanceof MarkdownError)) throw error;
    problems.push({ file, line: error.line, message: error.reason });
    return body;
  }
  let current: Located[] | null = null;
  for (const item of tokens) {
    const { token, line } = item;
    if (token.type === 'heading' && token.depth === 1) {
      readTitle(token as Tokens.Heading, line, body, file, problems);
      current = null;
    } else if (token.type === 'heading' && token.depth === 2) {
      current = openSection(token as Tokens.Heading, line, sections, file, problems);
    } else if (current) {
      current.push(item);
    } else if (!isBlank(token)) {
      problems.push({ file, line, message: 'text outside any section; answer text belongs under ## Answer' });
    }
  }
  if (body.title === null) problems.push({ file, line: firstLine, message: 'missing # title (the question itself)' });
  checkQuestions(sections.get('Questions'), body, file, problems);
  checkAnswer(sections.get('Answer'), body, file, problems);
  if (options.checkMarkup) problems.push(...checkAnswerMarkup(sections.get('Answer')?.tokens ?? [], file));
  return body;
}

function readTitle(token: Tokens.Heading, line: number, body: Body, file: string, problems: KnowledgeProblem[]): void {
  if (body.title !== null) {
    const message = `more than one # title (the first is on line ${body.titleLine}); use ### inside the answer`;
    problems.push({ file, line, message });
    return;
  }
  body.title = token.text.trim();
  body.titleLine = line;
  if (body.title === '') problems.push({ file, line, message: 'the # title is empty' });
}

function openSection(
  token: Tokens.Heading,
  line: number,
  sections: Map<SectionName, { line: number; tokens: Located[] }>,
  file: string,
  problems: KnowledgeProblem[],
): Located[] {
  const name = SECTIONS.find((s) => s.toLowerCase() === token.text.trim().toLowerCase());
  if (name === undefined) {
    const message = `unknown section "## ${token.text.trim()}" (allowed: ## Questions, ## Answer; use ### inside the answer)`;
    problems.push({ file, line, message });
    // Swallowed: its text is already accounted for by this one problem.
    return [];
  }
  const seen = sections.get(name);
  if (seen) {
    problems.push({ file, line, message: `section ## ${name} appears twice (first on line ${seen.line})` });
    return [];
  }
  const section = { line, tokens: [] as Located[] };
  sections.set(name, section);
  return section.tokens;
}

function checkQuestions(
  section: { line: number; tokens: Located[] } | undefined,
  body: Body,
  file: string,
  problems: KnowledgeProblem[],
): void {
  if (!section) {
    problems.push({ file, line: body.titleLine, message: 'missing ## Questions section (alternate phrasings)' });
    return;
  }
  for (const { token, line } of section.tokens) {
    if (token.type === 'list') body.questions.push(...listQuestions(token as Tokens.List, line, file, problems));
    else if (!isBlank(token)) {
      problems.push({ file, line, message: '## Questions may hold only a "- " list of questions' });
    }
  }
  if (body.questions.length === 0) {
    problems.push({ file, line: section.line, message: '## Questions has no questions; list at least one with "- "' });
  }
  reportDuplicateQuestions(body.questions, file, problems);
}

function listQuestions(list: Tokens.List, line: number, file: string, problems: KnowledgeProblem[]): QuestionLine[] {
  const questions: QuestionLine[] = [];
  // Lines are counted from the previous item on, never from the top: 20,000 questions stay linear.
  let cursor = 0;
  let cursorLine = line;
  for (const item of list.items) {
    const at = list.raw.indexOf(item.raw, cursor);
    if (at >= 0) cursorLine += countNewlines(list.raw.slice(cursor, at));
    const itemLine = cursorLine;
    if (at >= 0) {
      cursorLine += countNewlines(item.raw);
      cursor = at + item.raw.length;
    }
    const text = (item.text.split('\n')[0] ?? '').trim();
    if (text === '') problems.push({ file, line: itemLine, message: 'empty question in ## Questions' });
    else questions.push({ text, line: itemLine });
  }
  return questions;
}

function reportDuplicateQuestions(
  questions: readonly QuestionLine[],
  file: string,
  problems: KnowledgeProblem[],
): void {
  const seen = new Map<string, number>();
  for (const q of questions) {
    const key = questionKey(q.text);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, q.line);
    else problems.push({ file, line: q.line, message: `duplicate question "${q.text}" (also on line ${first})` });
  }
}

/** The form two questions are compared in: normalised, lower-cased, closing punctuation dropped. */
export function questionKey(text: string): string {
  return normaliseText(text)
    .toLowerCase()
    .replace(/[\s?!.。？！]+$/u, '');
}

function checkAnswer(
  section: { line: number; tokens: Located[] } | undefined,
  body: Body,
  file: string,
  problems: KnowledgeProblem[],
): void {
  if (!section) {
    problems.push({ file, line: body.titleLine, message: 'missing ## Answer section' });
    return;
  }
  body.answer = section.tokens
    .map((t) => t.token.raw)
    .join('')
    .trim();
  if (section.tokens.every((t) => isBlank(t.token))) {
    problems.push({ file, line: section.line, message: '## Answer is empty' });
  }
}

// HTML comments are notes for editors (the importer's TODOs), never content.
function isBlank(token: Token): boolean {
  if (token.type === 'space') return true;
  return token.type === 'html' && isOnlyComments(token.raw);
}

// A scan, not a regex: /^\s*(?:<!--[\s\S]*?-->\s*)+$/ backtracks exponentially on a line of comments
// followed by text (24 comments: 1.4 s, each one more doubles it).
function isOnlyComments(raw: string): boolean {
  const text = raw.trim();
  let at = 0;
  while (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
    while (/\s/.test(text[at] ?? '')) at += 1;
  }
  return at > 0 && at === text.length;
}
