import { KnowledgeBaseError, type KnowledgeProblem } from '../errors.js';
import {
  type ParsedKnowledgeFile,
  type ParseOptions,
  parseKnowledgeFile,
  questionKey,
} from './parse-knowledge-file.js';
import { sortFiles } from './sort-files.js';
import type { Entry, KnowledgeBase } from './types.js';

/** A knowledge file's text and its path relative to the knowledge folder. */
export interface KnowledgeFile {
  file: string;
  text: string;
}

/**
 * Validates every file, then the rules that span files (unique ids, no question shared by two
 * entries), and builds the knowledge base. Throws one KnowledgeBaseError listing every problem,
 * `readProblems` (files that could not be read) among them.
 */
export function buildKnowledgeBase(
  files: readonly KnowledgeFile[],
  options: ParseOptions = {},
  readProblems: readonly KnowledgeProblem[] = [],
): KnowledgeBase {
  const parsed = sortFiles(files).map((f) => parseKnowledgeFile(f.text, f.file, options));
  const topics = [...new Set(parsed.flatMap((p) => p.topic ?? []))].sort();
  const problems = [
    ...readProblems,
    ...parsed.flatMap((p) => p.problems).map((p) => withTopics(p, topics)),
    ...findDuplicateIds(parsed),
    ...findSharedQuestions(parsed),
  ];
  if (problems.length > 0) throw new KnowledgeBaseError(sortProblems(problems));
  const entries = parsed.map((p) => p.entry).filter((e): e is Entry => e !== null);
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    topics: [...new Set(entries.map((e) => e.topic))],
  };
}

function findDuplicateIds(parsed: readonly ParsedKnowledgeFile[]): KnowledgeProblem[] {
  const first = new Map<string, { file: string; line: number }>();
  const problems: KnowledgeProblem[] = [];
  for (const p of parsed) {
    if (p.id === null) continue;
    const seen = first.get(p.id.value);
    if (seen === undefined) first.set(p.id.value, { file: p.file, line: p.id.line });
    else {
      const message = `duplicate id "${p.id.value}": ${seen.file}:${seen.line} and ${p.file}:${p.id.line} both use it`;
      problems.push({ file: p.file, line: p.id.line, message, refs: [seen.file, p.file] });
    }
  }
  return problems;
}

function findSharedQuestions(parsed: readonly ParsedKnowledgeFile[]): KnowledgeProblem[] {
  const owner = new Map<string, { file: string; line: number }>();
  const problems: KnowledgeProblem[] = [];
  for (const p of parsed) {
    for (const q of p.questions) {
      const key = questionKey(q.text);
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, { file: p.file, line: q.line });
      else if (seen.file !== p.file) {
        const message = `question "${q.text}" is also listed in ${seen.file}:${seen.line}; a question may answer to one entry only`;
        problems.push({ file: p.file, line: q.line, message, refs: [seen.file] });
      }
    }
  }
  return problems;
}

// A missing topic is the reviewer's choice to make: show the choices.
function withTopics(problem: KnowledgeProblem, topics: readonly string[]): KnowledgeProblem {
  if (problem.message !== 'missing required field "topic"') return problem;
  const list = topics.length > 0 ? `existing topics: ${topics.join(', ')}` : 'no topics yet; name a new one';
  return { ...problem, message: `${problem.message} (${list})` };
}

// A problem with the whole file (no line) comes before its lines' problems.
function sortProblems(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}
