import { z } from 'zod';
import type { Matcher } from './types.js';

/** One labelled question of the evaluation set; `expected` null means out of scope (should be refused). */
export interface LabelledQuestion {
  question: string;
  expected: string | null;
  split: 'tune' | 'holdout';
  lang?: string;
}

/** A question the matcher got wrong: answered with the wrong entry, refused, or answered when out of scope. */
export interface Confusion {
  question: string;
  expected: string | null;
  /** The entry answered with, or null when refused. */
  got: string | null;
  /** The best candidate, answered or not. */
  best: string | null;
  confidence: number;
}

/** The figures of one matcher over one set of questions. */
export interface Evaluation {
  questions: number;
  inScope: number;
  outOfScope: number;
  /** In-scope questions answered with the expected entry / in-scope questions. */
  top1: number;
  /** Mean reciprocal rank of the expected entry in [best, …suggestions] over in-scope questions (0 when absent). */
  mrr: number;
  /** Out-of-scope questions not answered / out-of-scope questions. */
  rejection: number;
  /** Questions answered with a wrong entry (including any answer to an out-of-scope question) / all questions. */
  falseAnswerRate: number;
  confusions: Confusion[];
}

const LINE = z.object({
  question: z.string(),
  expected: z.string().nullable(),
  split: z.enum(['tune', 'holdout']),
  lang: z.string().optional(),
});

/** Parses an evaluation set in JSON Lines; a bad line throws an error naming its line number. */
export function parseLabelledQuestions(text: string): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = LINE.safeParse(safeJson(line));
    if (!parsed.success) throw new Error(`line ${i + 1}: not a labelled question (${z.prettifyError(parsed.error)})`);
    questions.push(parsed.data);
  });
  return questions;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Runs every question through the matcher and measures it. Pure: the matcher is the only thing called. */
export function evaluateMatcher(matcher: Matcher, questions: readonly LabelledQuestion[]): Evaluation {
  let inScope = 0;
  let correct = 0;
  let reciprocal = 0;
  let refused = 0;
  let wrong = 0;
  const confusions: Confusion[] = [];
  for (const q of questions) {
    const result = matcher.match(q.question);
    const got = result.answered ? (result.best?.id ?? null) : null;
    if (q.expected !== null) {
      inScope += 1;
      reciprocal += reciprocalRank(q.expected, result.best?.id, result.suggestions);
      if (got === q.expected) correct += 1;
      else if (got !== null) wrong += 1;
    } else if (got === null) refused += 1;
    else wrong += 1;
    if (got !== q.expected) {
      confusions.push({
        question: q.question,
        expected: q.expected,
        got,
        best: result.best?.id ?? null,
        confidence: result.confidence,
      });
    }
  }
  const outOfScope = questions.length - inScope;
  return {
    questions: questions.length,
    inScope,
    outOfScope,
    top1: ratio(correct, inScope),
    mrr: ratio(reciprocal, inScope),
    rejection: ratio(refused, outOfScope),
    falseAnswerRate: ratio(wrong, questions.length),
    confusions,
  };
}

function reciprocalRank(expected: string, best: string | undefined, suggestions: readonly { id: string }[]): number {
  const ranked = [...new Set([...(best === undefined ? [] : [best]), ...suggestions.map((s) => s.id)])];
  const rank = ranked.indexOf(expected);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
