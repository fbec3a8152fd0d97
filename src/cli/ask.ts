import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Registers `beian ask [QUESTION]`: one answer, or one per stdin line when no question is given. */
export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the knowledge base (no QUESTION: one question per stdin line)')
    .argument('[question...]', 'the question, e.g. "备案号会过期吗"')
    .option('--json', 'print JSON (JSON Lines when reading stdin)')
    .addHelpText(
      'after',
      '\nExamples:\n  beian ask "备案号会过期吗"\n  beian ask --json "does the number expire"\n  beian ask --json < questions.txt',
    )
    .action(lazyAction(() => import('./ask-action.js'), 'runAsk'));
}
