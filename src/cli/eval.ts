import { type Command, Option } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Options of `beian eval`. */
export interface EvalOptions {
  split: 'tune' | 'holdout' | 'all';
  threshold?: string;
  json?: boolean;
  /** False with --no-confusions: totals only, so a kept-apart set can be checked without reading its questions. */
  confusions: boolean;
}

/** Registers `beian eval FILE`: our matcher and plain fuse.js measured side by side on a labelled question set. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure the matcher on labelled questions (JSON Lines), beside plain fuse.js')
    .argument(
      '<file>',
      'JSON Lines: {"question", "expected": id|null, "split"} or {"q", "want": id|null, "style", "split"?}',
    )
    .addOption(new Option('--split <split>', 'which questions').choices(['tune', 'holdout', 'all']).default('all'))
    .option(
      '--threshold <x>',
      'count an answer only at confidence ≥ x (0–1), as the triage channel does with BEIAN_TRIAGE_MIN_CONFIDENCE',
    )
    .option('--json', 'print JSON')
    .option('--no-confusions', 'print the figures only, not the questions missed (for a set you must not tune on)')
    .addHelpText(
      'after',
      '\nExamples:\n  beian eval test/eval/questions.jsonl --split tune\n  beian eval test/eval/slack-dev.jsonl --threshold 0.75\n  beian eval test/eval/questions.jsonl --split holdout --no-confusions',
    )
    .action(lazyAction(() => import('./eval-action.js'), 'runEval'));
}
