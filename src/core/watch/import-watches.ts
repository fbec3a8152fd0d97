import { BeianError } from '../errors.js';
import { parseNumber } from '../footer/numbers.js';
import { parseCsv } from './csv.js';
import { parseDuration } from './duration.js';
import { normaliseWatchTarget } from './watch-target.js';

/** A watch as read from one line of a CSV file. */
export interface WatchLine {
  line: number;
  target: string;
  expect?: string;
  owner?: string;
  everyMs: number;
}

/** A problem on one line of an import file. */
export interface LineProblem {
  line: number;
  message: string;
}

/** The shortest interval a watch may have: more often is a load test, not monitoring. */
export const MIN_EVERY_MS = 60_000;

/** A CSV file that did not import: every problem, each with its line; nothing was imported. */
export class WatchImportError extends BeianError {
  readonly problems: readonly LineProblem[];

  constructor(file: string, problems: readonly LineProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `${file}:${p.line}: ${p.message}`);
    const more = problems.length > 20 ? [`… and ${problems.length - 20} more`] : [];
    super(
      'watch-import-invalid',
      `${file} has ${problems.length} problem(s); nothing was imported:\n${[...shown, ...more].join('\n')}`,
    );
    this.problems = problems;
  }
}

/** Why `text` is not a usable interval, or null when it is; `ms` is the interval. */
export function readInterval(text: string): { ms: number } | { problem: string } {
  const ms = parseDuration(text);
  if (ms === null) return { problem: `"${text}" is not an interval; write one like 30m, 6h, 1d or 1w` };
  if (ms < MIN_EVERY_MS) return { problem: `"${text}" is too often; the shortest interval is 1m` };
  return { ms };
}

/** Why `text` is not an ICP number `--expect` accepts, or null when it is one. */
export function expectProblem(text: string): string | null {
  return parseNumber(text)?.type === 'icp' ? null : `"${text}" is not an ICP number like 京ICP备05004398号-1`;
}

/** Why `text` is not an owner, or null: a Slack user ID (U…/W…) or an @name. */
export function ownerProblem(text: string): string | null {
  return /^(<@)?[UW][A-Z0-9]{6,}>?$/.test(text) || /^@[\p{L}\p{N}._-]{1,80}$/u.test(text)
    ? null
    : `"${text}" is not an owner; give a Slack user ID like U0123ABCD or a name like @alice`;
}

const HEADER = ['target', 'expect', 'owner', 'every'];

function readLine(line: number, cells: string[], defaultEveryMs: number): WatchLine | LineProblem {
  if (cells.length > HEADER.length) {
    return { line, message: `${cells.length} cells; expected at most 4: target, expected number, owner, interval` };
  }
  const [rawTarget = '', expect = '', owner = '', every = ''] = cells;
  if (rawTarget === '') return { line, message: 'no target; the first cell is the domain or URL to watch' };
  let target: string;
  try {
    target = normaliseWatchTarget(rawTarget);
  } catch (error) {
    return { line, message: error instanceof Error ? error.message : String(error) };
  }
  const problem = (expect && expectProblem(expect)) || (owner && ownerProblem(owner)) || null;
  if (problem) return { line, message: problem };
  const interval = every === '' ? { ms: defaultEveryMs } : readInterval(every);
  if ('problem' in interval) return { line, message: interval.problem };
  return {
    line,
    target,
    ...(expect ? { expect } : {}),
    ...(owner ? { owner } : {}),
    everyMs: interval.ms,
  };
}

/**
 * Reads a watch list CSV (target, expected number, owner, interval; a header line is optional). Throws a
 * WatchImportError naming every bad line, so a file with any problem imports nothing.
 */
export function readWatchCsv(file: string, text: string, defaultEveryMs: number): WatchLine[] {
  const { records, error } = parseCsv(text);
  const problems: LineProblem[] = error === null ? [] : [error];
  const watches: WatchLine[] = [];
  const seen = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    if (index === 0 && record.cells[0]?.toLowerCase() === 'target') continue;
    if (record.cells[0]?.startsWith('#')) continue;
    const read = readLine(record.line, record.cells, defaultEveryMs);
    if ('message' in read) problems.push(read);
    else if (seen.has(read.target)) {
      problems.push({ line: read.line, message: `${read.target} is already on line ${seen.get(read.target)}` });
    } else {
      seen.set(read.target, read.line);
      watches.push(read);
    }
  }
  if (problems.length > 0)
    throw new WatchImportError(
      file,
      problems.sort((a, b) => a.line - b.line),
    );
  return watches;
}
