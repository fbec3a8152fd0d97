import { UsageError } from '../core/errors.js';
import { isCalendarDate } from '../core/knowledge/entry-schema.js';
import { findStaleEntries, type StaleEntry } from '../core/knowledge/freshness.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { writeOut } from './context.js';

/** `beian kb lint --stale`: lists entries past due for review with their owners; exit 1 when there are any. */
export async function reportStale(base: KnowledgeBase, shownDir: string, today: string): Promise<void> {
  const stale = findStaleEntries(base, today);
  await writeOut(formatStale(stale, base.entries.length, shownDir, today));
  if (stale.length > 0) process.exitCode = 1;
}

/** The `--today` a command was given, checked, or today in UTC. */
export function parseToday(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  if (!isCalendarDate(value)) throw new UsageError(`--today expects a date written YYYY-MM-DD, not "${value}"`);
  return value;
}

/** The stale list as terminal text: file, id, reviewed and due dates, owner. */
export function formatStale(stale: readonly StaleEntry[], entries: number, shownDir: string, today: string): string {
  if (stale.length === 0) return `${shownDir}: none of ${entries} entries is past due for review on ${today}.\n`;
  const lines = [`${shownDir}: ${stale.length} of ${entries} entries past due for review on ${today}:`];
  for (const s of stale) {
    const owner = s.owner ?? 'no owner (set owner: in its front matter)';
    lines.push(
      `  ${shownDir}/${s.file}  ${s.entryId}  reviewed ${s.reviewed}, due ${s.due} (${s.daysOverdue} days ago)  ${owner}`,
    );
  }
  lines.push('Recheck each against its source, then set reviewed: to the day you did.');
  return `${lines.join('\n')}\n`;
}
