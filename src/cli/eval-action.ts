import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { createBaselineMatcher } from '../core/match/create-baseline-matcher.js';
import {
  type EvaluateOptions,
  type Evaluation,
  evaluateMatcher,
  type LabelledQuestion,
  parseLabelledQuestions,
  type StyleFigures,
} from '../core/match/evaluate.js';
import { createCommandMatcher, loadCommandKnowledgeBase, writeOut } from './context.js';
import type { EvalOptions } from './eval.js';

/** `beian eval FILE`: our matcher and plain fuse.js measured side by side on a labelled question set. */
export async function runEval(file: string, options: EvalOptions, command: Command): Promise<void> {
  const threshold = parseThreshold(options.threshold);
  const questions = selectSplit(await readQuestions(file), options.split, file);
  const kb = await loadCommandKnowledgeBase(command);
  const settings: EvaluateOptions = threshold === undefined ? {} : { minConfidence: threshold };
  const ours = evaluateMatcher(createCommandMatcher(kb), questions, settings);
  const baseline = evaluateMatcher(createBaselineMatcher(kb), questions, settings);
  const text = options.json
    ? `${JSON.stringify({ split: options.split, threshold: threshold ?? null, matcher: forJson(ours, options.confusions), baseline: forJson(baseline, options.confusions) }, null, 2)}\n`
    : formatEvaluation(options.split, ours, baseline, threshold, options.confusions);
  await writeOut(text);
}

/** With --no-confusions the JSON keeps how many were missed, not which. */
function forJson(evaluation: Evaluation, showConfusions: boolean) {
  return showConfusions ? evaluation : { ...evaluation, confusions: evaluation.confusions.length };
}

function parseThreshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--threshold must be a number from 0 to 1, not "${raw}"`);
  }
  return value;
}

async function readQuestions(file: string): Promise<LabelledQuestion[]> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError(`cannot read ${file} (${(cause as Error).message})`);
  });
  try {
    return parseLabelledQuestions(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

function selectSplit(questions: LabelledQuestion[], split: EvalOptions['split'], file: string): LabelledQuestion[] {
  const selected = split === 'all' ? questions : questions.filter((q) => q.split === split);
  if (selected.length === 0) {
    throw new UsageError(`${file}: no questions${split === 'all' ? '' : ` in split ${split} (is the set split?)`}`);
  }
  return selected;
}

type Row = [name: string, figure: (e: Evaluation) => string];

/** The figures side by side, per style, the reliability table, then the matcher's confusions, one per line. */
export function formatEvaluation(
  split: string,
  ours: Evaluation,
  baseline: Evaluation,
  threshold?: number,
  showConfusions = true,
): string {
  const bar = threshold === undefined ? '' : `, answering only at confidence ≥ ${threshold}`;
  const lines = [
    `split ${split}: ${ours.questions} questions (${ours.inScope} in scope, ${ours.outOfScope} out of scope)${bar}`,
    '',
    `${'figure'.padEnd(32)}${'beian'.padStart(10)}${'fuse.js'.padStart(10)}`,
    ...overallRows(ours).map(([name, f]) => `${name.padEnd(32)}${f(ours).padStart(10)}${f(baseline).padStart(10)}`),
    '',
    ...formatStyles(ours, baseline),
    '',
    ...formatReliability(ours),
    '',
    ...formatConfusions(ours, showConfusions),
  ];
  return `${lines.join('\n')}\n`;
}

/** The questions missed, or only their count when they must not be read (--no-confusions). */
function formatConfusions(ours: Evaluation, show: boolean): string[] {
  if (ours.confusions.length === 0) return ['no confusions'];
  if (!show) return [`${ours.confusions.length} confusions, not printed (--no-confusions)`];
  return [
    'confusions (expected → got, best candidate, question):',
    ...ours.confusions.map(
      (c) =>
        `  ${c.expected ?? '(out of scope)'} → ${c.got ?? '(refused)'}  [best ${c.best ?? '-'} ${c.confidence.toFixed(2)}]  ${c.question}`,
    ),
  ];
}

function overallRows(ours: Evaluation): Row[] {
  const refusals: Row[] = ours.styles
    .filter((s) => !s.inScope)
    .map((s) => [`refused: ${s.style}`, (e) => percent(refusedShare(e, s.style))]);
  return [
    ['top-1 accuracy', (e) => percent(e.top1)],
    ['wrong-answer rate (in scope)', (e) => percent(e.wrongAnswerRate)],
    ['MRR', (e) => e.mrr.toFixed(3)],
    ['refused, right entry offered', (e) => percent(e.offeredWhenRefused)],
    ['answered right or offered', (e) => percent(e.reached)],
    ...refusals,
    ['out-of-scope rejection', (e) => percent(e.rejection)],
    ['false-answer rate (all)', (e) => percent(e.falseAnswerRate)],
    ['ECE', (e) => e.ece.toFixed(3)],
    ['confusions', (e) => String(e.confusions.length)],
  ];
}

function refusedShare(e: Evaluation, style: string): number {
  const s = e.styles.find((x) => x.style === style);
  return s === undefined || s.questions === 0 ? 0 : s.refused / s.questions;
}

function formatStyles(ours: Evaluation, baseline: Evaluation): string[] {
  const width = Math.max(5, ...ours.styles.map((s) => s.style.length)) + 2;
  const cell = (s: StyleFigures | undefined) =>
    s === undefined ? '-' : `${s.right}/${s.questions} ${percent(s.right / (s.questions || 1))} (${s.wrong} wrong)`;
  return [
    'per style: right/questions (wrong answers); right means refused for questions no entry answers',
    `  ${'style'.padEnd(width)}${'beian'.padEnd(26)}fuse.js`,
    ...ours.styles.map(
      (s) => `  ${s.style.padEnd(width)}${cell(s).padEnd(26)}${cell(baseline.styles.find((b) => b.style === s.style))}`,
    ),
  ];
}

function formatReliability(e: Evaluation): string[] {
  return [
    'reliability (beian): confidence of the top candidate against the share whose top candidate is right',
    `  ${'band'.padEnd(12)}${'answered/questions'.padStart(20)}${'right'.padStart(10)}${'mean conf.'.padStart(12)}`,
    ...e.reliability.map((b) => {
      const band = `[${b.from.toFixed(1)}, ${b.to.toFixed(1)}${b.to === 1 ? ']' : ')'}`;
      const right = b.questions === 0 ? '-' : percent(b.right / b.questions);
      const mean = b.questions === 0 ? '-' : b.meanConfidence.toFixed(2);
      return `  ${band.padEnd(12)}${`${b.answered}/${b.questions}`.padStart(20)}${right.padStart(10)}${mean.padStart(12)}`;
    }),
    `  expected calibration error (ECE, band-weighted): ${e.ece.toFixed(3)}`,
  ];
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
