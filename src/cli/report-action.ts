import { UsageError } from '../core/errors.js';
import { type FeedbackSummary, summariseFeedback } from '../store/summarise-feedback.js';
import { openCommandStore } from './db.js';
import type { ReportOptions } from './report.js';

/** `beian report`: the most frequent unanswered questions and the least helpful entries. */
export async function runReport(options: ReportOptions): Promise<void> {
  const days = parseDays(options.days);
  const store = await openCommandStore(options);
  const records = await store.records().finally(() => store.close());
  const summary = summariseFeedback(records, days === undefined ? {} : { days });
  process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatReport(summary, store.location));
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
export function formatReport(summary: FeedbackSummary, location: string): string {
  const lines: string[] = [];
  const period = summary.since ? `since ${summary.since.slice(0, 10)}` : 'all time';
  lines.push(`Feedback report (${period}) from ${location}`, '');
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
