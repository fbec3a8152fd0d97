import type { Entry, KnowledgeBase } from './types.js';

/** How long an entry stays fresh after `reviewed` when neither it nor the configuration says otherwise. */
export const DEFAULT_REVIEW_EVERY_DAYS = 180;

/** An entry past its review date. */
export interface StaleEntry {
  entryId: string;
  title: string;
  file: string;
  owner: string | null;
  reviewed: string;
  /** The day it fell due, `YYYY-MM-DD`. */
  due: string;
  daysOverdue: number;
}

/** The day `entry` is due for review again, `YYYY-MM-DD`. */
export function reviewDue(entry: Entry): string {
  const days = entry.reviewEvery ?? DEFAULT_REVIEW_EVERY_DAYS;
  return new Date(Date.parse(`${entry.reviewed}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** True when `today` (`YYYY-MM-DD`) is after the entry's review date. */
export function isPastDue(entry: Entry, today: string): boolean {
  return reviewDue(entry) < today;
}

/** Every entry past due on `today`, most overdue first. */
export function findStaleEntries(kb: KnowledgeBase, today: string): StaleEntry[] {
  const day = Date.parse(`${today}T00:00:00Z`);
  return kb.entries
    .filter((e) => isPastDue(e, today))
    .map((e) => {
      const due = reviewDue(e);
      return {
        entryId: e.id,
        title: e.title,
        file: e.file,
        owner: e.owner ?? null,
        reviewed: e.reviewed,
        due,
        daysOverdue: Math.round((day - Date.parse(`${due}T00:00:00Z`)) / 86_400_000),
      };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.entryId.localeCompare(b.entryId));
}

/** Today in UTC, `YYYY-MM-DD`: the day staleness is judged on. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
