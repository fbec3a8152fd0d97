/**
 * One base error for the whole core: a stable `code` for logs and tests, a sentence for people,
 * and the original `cause` kept for the log.
 */
export class BeianError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A problem in one knowledge file, pinned to a line so an editor can jump to it. */
export interface KnowledgeProblem {
  file: string;
  /** Absent when the problem is the file as a whole (a folder named `.md`, unreadable, too large). */
  line?: number;
  message: string;
  /** Other files the message names as `file:line`, so a terminal can show them relative to where it runs. */
  refs?: readonly string[];
}

/** A problem as editors and terminals read it: `file:line: message`, or `file: message` without a line. */
export function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** The knowledge base did not validate; `problems` lists every problem found, not only the first. */
export class KnowledgeBaseError extends BeianError {
  readonly problems: readonly KnowledgeProblem[];

  constructor(problems: readonly KnowledgeProblem[]) {
    const lines = problems.map(formatProblem);
    super('knowledge-invalid', `The knowledge base has ${problems.length} problem(s):\n${lines.join('\n')}`);
    this.problems = problems;
  }
}

/** Markdown the lexer cannot read safely (nested too deep, over marked's limits); `line` is where to look. */
export class MarkdownError extends BeianError {
  readonly line: number;
  readonly reason: string;

  constructor(line: number, reason: string, options?: { cause?: unknown }) {
    super('markdown-unreadable', `line ${line}: ${reason}`, options);
    this.line = line;
    this.reason = reason;
  }
}

/** The environment did not validate; the message names every bad variable. */
export class ConfigError extends BeianError {
  constructor(message: string) {
    super('config-invalid', message);
  }
}

/** A footer-check target that cannot be checked (bad syntax, refused address, …). */
export class TargetError extends BeianError {}

/** Fetching a homepage failed (unreachable, timed out, too large, not HTML, …). */
export class FetchError extends BeianError {}

/** A command-line usage problem: printed as one line, exit status 2. */
export class UsageError extends BeianError {
  constructor(message: string) {
    super('usage', message);
  }
}
