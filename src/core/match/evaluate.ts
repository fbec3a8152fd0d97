import { z } from 'zod';
import type { Matcher, MatchResult } from './types.js';

/** One labelled question of an evaluation set; `expected` null means no entry answers it (it should be refused). */
export interface LabelledQuestion {
  question: string;
  expected: string | null;
  /** Absent in sets that are not split (`slack-dev.jsonl`). */
  split?: 'tune' | 'holdout';
  lang?: string;
  /** How the question is written (`slack-long`, `typo`, …) or, for want null, what kind of question it is. */
  style?: string;
}

/** A question the matcher got wrong: answered with the wrong entry, refused, or answered when out of scope. */
export interface Confusion {
  question: string;
  expected: string | null;
  /** The style group the question is counted in. */
  style: string;
  /** The entry answered with, or null when refused. */
  got: string | null;
  /** The best candidate, answered or not. */
  best: string | null;
  confidence: number;
}

/**
 * The figures of one style group. For in-scope questions `right` is "answered with the expected entry"; for
 * questions no entry answers (`inScope` false) `right` equals `refused`, and `wrong` counts those answered.
 */
export interface StyleFigures {
  style: string;
  inScope: boolean;
  questions: number;
  right: number;
  wrong: number;
  refused: number;
}

/** One band of the reliability table: questions whose top candidate's confidence falls in [from, to). */
export interface ReliabilityBand {
  from: number;
  /** Exclusive, except the last band, which includes 1. */
  to: number;
  questions: number;
  /** How many of them the matcher answered (after any `minConfidence`). */
  answered: number;
  /** How many have the right entry as top candidate (never a question no entry answers). */
  right: number;
  meanConfidence: number;
}

/** The figures of one matcher over one set of questions. */
export interface Evaluation {
  questions: number;
  inScope: number;
  outOfScope: number;
  /** In-scope questions answered with the expected entry / in-scope questions. */
  top1: number;
  /** In-scope questions answered with another entry / in-scope questions. */
  wrongAnswerRate: number;
  /** Mean reciprocal rank of the expected entry in [best, …suggestions] over in-scope questions (0 when absent). */
  mrr: number;
  /**
   * In-scope questions refused whose expected entry is among the suggestions offered instead / in-scope questions
   * refused: when the bot is unsure, how often the entry asked about is one click away.
   */
  offeredWhenRefused: number;
  /** In-scope questions answered right or refused with the expected entry among the suggestions / in-scope questions. */
  reached: number;
  /** Out-of-scope questions not answered / out-of-scope questions. */
  rejection: number;
  /** Questions answered with a wrong entry (including any answer to an out-of-scope question) / all questions. */
  falseAnswerRate: number;
  /** The counts the ratios above are made of, for reports that print "n of m". */
  counts: EvaluationCounts;
  /** Per style group: in-scope groups first, each kind in the order its groups first appear in the set. */
  styles: StyleFigures[];
  reliability: ReliabilityBand[];
  /** Expected calibration error over {@link reliability}: see {@link evaluateMatcher}. */
  ece: number;
  confusions: Confusion[];
}

/** Questions counted by {@link evaluateMatcher}, by what became of them. */
export interface EvaluationCounts {
  /** In-scope questions answered with the expected entry. */
  right: number;
  /** In-scope questions answered with another entry. */
  wrong: number;
  /** In-scope questions refused with the expected entry among the suggestions. */
  offered: number;
  /** Out-of-scope questions refused. */
  refusedOut: number;
  /** Out-of-scope questions answered (with any entry). */
  answeredOut: number;
}

/** How {@link evaluateMatcher} decides. */
export interface EvaluateOptions {
  /** Count an answer only when its confidence is at least this (the triage channel's bar); default: the matcher's own decision. */
  minConfidence?: number;
  /** Width of a reliability band; default 0.1. */
  bandWidth?: number;
}

const OLD_LINE = z.object({
  question: z.string().min(1, 'question must not be empty'),
  expected: z.string().nullable(),
  split: z.enum(['tune', 'holdout']),
  lang: z.string().optional(),
});

const SLACK_LINE = z.object({
  q: z.string().min(1, 'q must not be empty'),
  want: z.string().nullable(),
  style: z.string().min(1, 'style must not be empty'),
  split: z.enum(['tune', 'holdout']).optional(),
});

/**
 * Parses an evaluation set in JSON Lines, each line either `{"question", "expected", "split", "lang"?}` or
 * `{"q", "want", "style", "split"?}`; a bad line throws an error naming its line number.
 */
export function parseLabelledQuestions(text: string): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    questions.push(parseLine(line, i + 1));
  });
  return questions;
}

function parseLine(line: string, number: number): LabelledQuestion {
  const json = safeJson(line);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`line ${number}: not a JSON object`);
  }
  if ('q' in json) {
    const parsed = SLACK_LINE.safeParse(json);
    if (!parsed.success) throw new Error(`line ${number}: not a labelled question (${z.prettifyError(parsed.error)})`);
    const { q, want, style, split } = parsed.data;
    return { question: q, expected: want, style, ...(split === undefined ? {} : { split }) };
  }
  const parsed = OLD_LINE.safeParse(json);
  if (!parsed.success) {
    const hint = 'expected {"question","expected","split"} or {"q","want","style"}';
    throw new Error(`line ${number}: not a labelled question, ${hint} (${z.prettifyError(parsed.error)})`);
  }
  return parsed.data;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The group a question is counted in: its style, else its language, and all questions without an answer together. */
export function styleOf(q: LabelledQuestion): string {
  if (q.style !== undefined) return q.style;
  if (q.expected === null) return 'out-of-scope';
  return q.lang ?? 'in-scope';
}

/**
 * Runs every question through the matcher and measures it. Pure: the matcher is the only thing called.
 *
 * Calibration asks whether the confidence of the top candidate is the probability that this candidate is the right
 * entry. For each question take c = the result's confidence and y = 1 when the best candidate is the expected entry,
 * else 0 — so y = 0 for every question no entry answers (no candidate is right there), whether refused or not. Bands
 * [0, w), [w, 2w), …, [1 − w, 1] of c; ECE = Σ over bands of (questions in band / all questions) × |share of y = 1 in
 * band − mean c in band|. A matcher whose 0.8-confidence answers are right 80% of the time scores 0.
 */
export function evaluateMatcher(
  matcher: Matcher,
  questions: readonly LabelledQuestion[],
  options: EvaluateOptions = {},
): Evaluation {
  const styles = new Map<string, StyleFigures>();
  const bands = createBands(options.bandWidth ?? 0.1);
  const t = { inScope: 0, right: 0, wrong: 0, refusedIn: 0, offered: 0, refusedOut: 0, answeredOut: 0, reciprocal: 0 };
  const confusions: Confusion[] = [];
  for (const q of questions) {
    const result = matcher.match(q.question);
    const answered = result.answered && result.confidence >= (options.minConfidence ?? 0);
    const best = result.best?.id ?? null;
    const got = answered ? best : null;
    const style = styleOf(q);
    countStyle(styles, style, q.expected, got);
    addToBand(bands, result.confidence, answered, best !== null && best === q.expected);
    if (q.expected !== null) {
      t.inScope += 1;
      t.reciprocal += reciprocalRank(q.expected, result);
      if (got === q.expected) t.right += 1;
      else if (got !== null) t.wrong += 1;
      else {
        t.refusedIn += 1;
        if (offers(result, q.expected)) t.offered += 1;
      }
    } else if (got === null) t.refusedOut += 1;
    else t.answeredOut += 1;
    if (got !== q.expected) {
      confusions.push({ question: q.question, expected: q.expected, style, got, best, confidence: result.confidence });
    }
  }
  const outOfScope = questions.length - t.inScope;
  const reliability = bands.map((b) => ({
    ...b,
    meanConfidence: b.questions === 0 ? 0 : b.meanConfidence / b.questions,
  }));
  return {
    questions: questions.length,
    inScope: t.inScope,
    outOfScope,
    top1: ratio(t.right, t.inScope),
    wrongAnswerRate: ratio(t.wrong, t.inScope),
    mrr: ratio(t.reciprocal, t.inScope),
    offeredWhenRefused: ratio(t.offered, t.refusedIn),
    reached: ratio(t.right + t.offered, t.inScope),
    rejection: ratio(t.refusedOut, outOfScope),
    falseAnswerRate: ratio(t.wrong + t.answeredOut, questions.length),
    counts: {
      right: t.right,
      wrong: t.wrong,
      offered: t.offered,
      refusedOut: t.refusedOut,
      answeredOut: t.answeredOut,
    },
    // In-scope groups first; stable, so each kind keeps the order of first appearance.
    styles: [...styles.values()].sort((a, b) => Number(b.inScope) - Number(a.inScope)),
    reliability,
    ece: expectedCalibrationError(reliability, questions.length),
    confusions,
  };
}

function countStyle(
  styles: Map<string, StyleFigures>,
  style: string,
  expected: string | null,
  got: string | null,
): void {
  const figures = styles.get(style) ?? { style, inScope: false, questions: 0, right: 0, wrong: 0, refused: 0 };
  styles.set(style, figures);
  // A style that mixes in-scope and unanswerable questions is shown as in scope.
  figures.inScope ||= expected !== null;
  figures.questions += 1;
  if (got === null) figures.refused += 1;
  if (got === expected) figures.right += 1;
  else if (got !== null) figures.wrong += 1;
}

function createBands(width: number): ReliabilityBand[] {
  if (!(width > 0 && width <= 1)) throw new Error(`band width must be in (0, 1], got ${width}`);
  const n = Math.round(1 / width);
  return Array.from({ length: n }, (_, i) => ({
    from: round(i / n),
    to: round((i + 1) / n),
    questions: 0,
    answered: 0,
    right: 0,
    meanConfidence: 0,
  }));
}

// meanConfidence holds the running sum until evaluateMatcher divides it.
function addToBand(bands: ReliabilityBand[], confidence: number, answered: boolean, right: boolean): void {
  const c = Math.min(1, Math.max(0, confidence));
  // Rounded first so 0.3 lands in [0.3, 0.4) despite floating point.
  const band = bands[Math.min(bands.length - 1, Math.floor(round(c * bands.length)))];
  if (band === undefined) return;
  band.questions += 1;
  band.meanConfidence += c;
  if (answered) band.answered += 1;
  if (right) band.right += 1;
}

function expectedCalibrationError(bands: readonly ReliabilityBand[], total: number): number {
  if (total === 0) return 0;
  return bands.reduce(
    (sum, b) => sum + (b.questions / total) * Math.abs(b.right / (b.questions || 1) - b.meanConfidence),
    0,
  );
}

/** Whether a result offers entry `id` among its suggestions (for a refused question: one click away in Slack). */
export function offers(result: MatchResult, id: string): boolean {
  return result.suggestions.some((s) => s.id === id);
}

function reciprocalRank(expected: string, result: MatchResult): number {
  const best = result.best?.id;
  const ranked = [...new Set([...(best === undefined ? [] : [best]), ...result.suggestions.map((s) => s.id)])];
  const rank = ranked.indexOf(expected);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
