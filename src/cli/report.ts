import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import { readStore } from '../store/feedback-store.js';
import { type FeedbackSummary, summariseFeedback } from '../store/summarise-feedback.js';

/** Registers `beian report`: the most frequent unanswered questions and the least helpful entries. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('most frequent unanswered questions and least helpful entries, from the Slack feedback store')
    .option('--json', 'print the summary as JSON')
    .option('--days <n>', 'only the last N days')
    .option('--data-dir <dir>', 'data folder (default: $BEIAN_DATA_DIR or ./data)')
    .action(async (options: { json?: boolean; days?: string; dataDir?: string }) => {
      const days = parseDays(options.days);
      const dataDir = options.dataDir ?? loadConfig(process.env).dataDir;
      const { records, skipped } = await readStore(dataDir);
      const summary = summariseFeedback(records, days === undefined ? {} : { days });
      if (skipped > 0) process.stderr.write(`beian: skipped ${skipped} unreadable line(s) in the feedback store\n`);
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatReport(summary, dataDir));
    });
}

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(days) || days < 1) {
    throw new UsageError(`--days expects a whole number of days (1 or more), not "${value}"`);
  }
  return days;
}

/** Formats the summary as plain text for the terminal. */
export function formatReport(summary: FeedbackSummary, dataDir: string): string {
  const lines: string[] = [];
  const period = summary.since ? `since ${summary.since.slice(0, 10)}` : 'all time';
  lines.push(`Feedback report (${period}) from ${dataDir}`, '');
  lines.push('Most frequent unanswered questions:');
  if (summary.unanswered.length === 0) lines.push('  (none)');
  for (const g of summary.unanswered) {
    const near = g.bestEntryId ? ` — closest: ${g.bestEntryId} (${g.maxConfidence.toFixed(2)})` : '';
    lines.push(`  ${String(g.count).padStart(4)}×  ${g.question}${near}`);
  }
  lines.push('', 'Least helpful entries (👎 not helpful, 🙋 need a person, 👍 helpful, ✅ solved):');
  if (summary.leastHelpful.length === 0) lines.push('  (no feedback yet)');
  for (const e of summary.leastHelpful) {
    lines.push(`  ${e.entryId.padEnd(32)} 👎 ${e.notHelpful}  🙋 ${e.needPerson}  👍 ${e.helpful}  ✅ ${e.solved}`);
  }
  lines.push('', `Footer checks: ${summary.footerChecks}`);
  return `${lines.join('\n')}\n`;
}
