import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Options of `beian report`. */
export interface ReportOptions {
  json?: boolean;
  days?: string;
  dataDir?: string;
}

/** Registers `beian report`: the most frequent unanswered questions and the least helpful entries. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'most frequent unanswered questions and least helpful entries, from the database ($DATABASE_URL, else the data folder)',
    )
    .option('--json', 'print the summary as JSON')
    .option('--days <n>', 'only the last N days')
    .option('--data-dir <dir>', 'data folder (default: $BEIAN_DATA_DIR or ./data)')
    .action(lazyAction(() => import('./report-action.js'), 'runReport'));
}
