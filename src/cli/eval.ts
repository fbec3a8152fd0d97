import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { createBaselineMatcher } from '../core/match/create-baseline-matcher.js';
import {
  type Evaluation,
  evaluateMatcher,
  type LabelledQuestion,
  parseLabelledQuestions,
} from '../core/match/evaluate.js';
import { createCommandMatcher, loadCommandKnowledgeBase, writeOut } from './context.js';

interface EvalOptions {
  split: 'tune' | 'holdout' | 'all';
  json?: boolean;
}

/** Registers `beian eval FILE`: our matcher and plain fuse.js measured side by side on a labelled question set. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure the matcher on labelled questions (JSON Lines), beside plain fuse.js')
    .argument('<file>', 'JSON Lines: {"question", "expected": id|null, "split": "tune"|"holdout"}')
    .addOption(new Option('--split <split>', 'which questions').choices(['tune', 'holdout', 'all']).default('all'))
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  beian eval test/eval/questions.jsonl --split holdout')
    .action(async (file: string, options: EvalOptions, command: Command) => {
      const questions = selectSplit(await readQuestions(file), options.split);
      const kb = await loadCommandKnowledgeBase(command);
      const ours = evaluateMatcher(createCommandMatcher(kb), questions);
      const baseline = evaluateMatcher(createBaselineMatcher(kb), questions);
      const text = options.json
        ? `${JSON.stringify({ split: options.split, matcher: ours, baseline }, null, 2)}\n`
        : formatEvaluation(options.split, ours, baseline);
      await writeOut(text);
    });
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

function selectSplit(questions: LabelledQuestion[], split: EvalOptions['split']): LabelledQuestion[] {
  return split === 'all' ? questions : questions.filter((q) => q.split === split);
}

/** The figures side by side, then the matcher's confusions, one per line. */
export function formatEvaluation(split: string, ours: Evaluation, baseline: Evaluation): string {
  const rows: [string, (e: Evaluation) => string][] = [
    ['top-1 accuracy', (e) => percent(e.top1)],
    ['MRR', (e) => e.mrr.toFixed(3)],
    ['out-of-scope rejection', (e) => percent(e.rejection)],
    ['false-answer rate', (e) => percent(e.falseAnswerRate)],
    ['confusions', (e) => String(e.confusions.length)],
  ];
  const lines = [
    `split ${split}: ${ours.questions} questions (${ours.inScope} in scope, ${ours.outOfScope} out of scope)`,
    '',
    `${'figure'.padEnd(24)}${'beian'.padStart(10)}${'fuse.js'.padStart(10)}`,
    ...rows.map(([name, f]) => `${name.padEnd(24)}${f(ours).padStart(10)}${f(baseline).padStart(10)}`),
    '',
    ours.confusions.length === 0 ? 'no confusions' : 'confusions (expected → got, best candidate, question):',
    ...ours.confusions.map(
      (c) =>
        `  ${c.expected ?? '(out of scope)'} → ${c.got ?? '(refused)'}  [best ${c.best ?? '-'} ${c.confidence.toFixed(2)}]  ${c.question}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
