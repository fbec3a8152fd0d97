import { stringify as stringifyYaml } from 'yaml';
import { type ParseOptions, parseKnowledgeFile, questionKey } from './parse-knowledge-file.js';
import { proposeId } from './propose-id.js';
import type { EntrySource, KnowledgeBase } from './types.js';

/** An entry captured from a chat answer, before a person has reviewed it (so without `reviewed`). */
export interface CapturedDraft {
  id: string;
  /** The question, as the entry's `# title` and its first `## Questions` item. */
  title: string;
  /** More ways people ask it (the title is not repeated here). */
  questions: readonly string[];
  answer: string;
  topic: string;
  tags: readonly string[];
  source: EntrySource;
}

/** The part of a draft a problem is about: one field of the capture form. */
export type DraftField = 'id' | 'title' | 'questions' | 'answer' | 'topic' | 'tags' | 'source';

/** A problem with a draft, named by the field to fix. */
export interface DraftProblem {
  field: DraftField;
  message: string;
}

/** A draft as a knowledge file, and the first line of each field in it. */
export interface RenderedDraft {
  text: string;
  /** Where each field starts, in file order; a problem's line belongs to the last field starting at or before it. */
  lines: readonly { field: DraftField; line: number }[];
}

/** What a captured draft is checked against besides the lint rules of one file. */
export interface DraftContext {
  kb: KnowledgeBase;
  /** Ids of the drafts already saved. */
  draftIds: ReadonlySet<string>;
  /** Validation options, as `beian kb lint` uses them (`today`). */
  parse?: ParseOptions;
}

/** The file name a draft is exported as, the way the knowledge folder is laid out: `<topic>/<id>.md`. */
export function draftPath(draft: Pick<CapturedDraft, 'id' | 'topic'>): string {
  return `${draft.topic}/${draft.id}.md`;
}

/**
 * Renders a draft as a knowledge file. With `reviewed` it is the file lint judges; without, `reviewed` is a comment
 * for the reviewer to replace, so `beian kb lint` refuses the file until a person has checked it.
 */
export function renderDraft(draft: CapturedDraft, reviewed: string | null): RenderedDraft {
  const lines: { field: DraftField; line: number }[] = [];
  const out = ['---'];
  const add = (field: DraftField | null, ...text: string[]) => {
    if (field) lines.push({ field, line: out.length + 1 });
    out.push(...text);
  };
  add('id', `id: ${scalar(draft.id)}`);
  add('topic', `topic: ${scalar(draft.topic)}`);
  add('tags', `tags: [${draft.tags.map((t) => scalar(t)).join(', ')}]`);
  add('source', 'source:', `  title: ${scalar(draft.source.title)}`, `  url: ${scalar(draft.source.url)}`);
  add(
    null,
    reviewed === null
      ? '# reviewed: left out on purpose; add it (YYYY-MM-DD) once a person has checked this draft.'
      : `reviewed: ${reviewed}`,
  );
  add(null, '---', '', `<!-- Captured from Slack: ${draft.source.url} -->`, '');
  add('title', `# ${oneLine(draft.title)}`, '', '## Questions', '', `- ${oneLine(draft.title)}`);
  add('questions', ...draft.questions.map((q) => `- ${oneLine(q)}`));
  add('answer', '', '## Answer', '', draft.answer.trim(), '');
  return { text: out.join('\n'), lines };
}

/**
 * Checks a draft exactly as `beian kb lint` would check it once reviewed today: the rules of one file, then its id
 * and questions against the knowledge base (and its id against the saved drafts). Each problem names its field.
 */
export function checkDraft(draft: CapturedDraft, context: DraftContext): DraftProblem[] {
  const parseOptions = { ...context.parse, checkMarkup: true };
  const today = parseOptions.today ?? new Date().toISOString().slice(0, 10);
  const rendered = renderDraft(draft, today);
  const parsed = parseKnowledgeFile(rendered.text, draftPath(draft), parseOptions);
  const problems: DraftProblem[] = parsed.problems.map((p) => ({
    field: fieldAt(rendered, p.line),
    message: p.message,
  }));
  const clash = context.kb.byId.get(draft.id);
  if (clash) {
    problems.push({ field: 'id', message: `id "${draft.id}" is already used by ${clash.file}:${clash.line}` });
  } else if (context.draftIds.has(draft.id)) {
    problems.push({ field: 'id', message: `id "${draft.id}" is already used by a saved draft; choose another` });
  }
  problems.push(...findSharedQuestions(draft, context.kb));
  return problems;
}

/** A proposed id for a question: salient terms, unique against the knowledge base and the saved drafts. */
export function proposeDraftId(title: string, kb: KnowledgeBase, draftIds: Iterable<string>): string {
  return proposeId(title, new Set([...kb.byId.keys(), ...draftIds]));
}

function findSharedQuestions(draft: CapturedDraft, kb: KnowledgeBase): DraftProblem[] {
  const owners = new Map<string, string>();
  for (const entry of kb.entries) for (const q of entry.questions) owners.set(questionKey(q), entry.file);
  const problems: DraftProblem[] = [];
  const asked: [DraftField, string][] = [
    ['title', draft.title],
    ...draft.questions.map((q) => ['questions', q] as [DraftField, string]),
  ];
  for (const [field, question] of asked) {
    const owner = owners.get(questionKey(oneLine(question)));
    if (owner !== undefined) {
      problems.push({
        field,
        message: `question "${oneLine(question)}" is already listed in ${owner}; a question may answer to one entry only`,
      });
    }
  }
  return problems;
}

function fieldAt(rendered: RenderedDraft, line: number | undefined): DraftField {
  if (line === undefined) return 'answer';
  let field: DraftField = rendered.lines[0]?.field ?? 'answer';
  for (const start of rendered.lines) if (start.line <= line) field = start.field;
  return field;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function scalar(value: string): string {
  return stringifyYaml(value, { lineWidth: 0 }).trimEnd();
}
