import type { CheckRun, Watch } from '../../core/watch/types.js';
import type { Catalogue } from '../messages/catalogue.js';
import { verdictText } from './footer-report.js';
import { escapePageText } from './mrkdwn.js';
import { alertTime } from './watch-alert.js';

/** A watch with its latest checks (newest last), which say what changed last. */
export interface WatchSummary {
  watch: Watch;
  recent: readonly CheckRun[];
}

/** Most watches one list or App Home shows. */
export const MAX_LISTED_WATCHES = 30;

/** One line per watch: target, current verdict, number, when last checked, what changed, muted until. */
export function describeWatches(summaries: readonly WatchSummary[], t: Catalogue, now: number): string {
  return summaries
    .slice(0, MAX_LISTED_WATCHES)
    .map((s) => describeWatch(s, t, now))
    .join('\n');
}

function describeWatch({ watch, recent }: WatchSummary, t: Catalogue, now: number): string {
  const last = recent.at(-1);
  const parts = [`*${escapePageText(watch.target)}*`];
  if (!last) parts.push(t.watchNotChecked);
  else {
    parts.push(verdictText(last.verdict, t));
    if (last.icp) parts.push(`\`${escapePageText(last.icp)}\``);
    parts.push(t.watchLastChecked(alertTime(last.at)));
  }
  const change = changeOf(recent, t);
  if (change) parts.push(t.watchChanged(change));
  if (watch.mutedUntil !== undefined && watch.mutedUntil > now)
    parts.push(t.watchMutedUntil(alertTime(watch.mutedUntil)));
  return parts.join(' · ');
}

// The latest change within the checks at hand: the last check that differs from the newest one, and the next.
function changeOf(recent: readonly CheckRun[], t: Catalogue): string | null {
  const last = recent.at(-1);
  if (!last) return null;
  const at = recent.findLastIndex((run) => run.verdict !== last.verdict || run.icp !== last.icp);
  const before = recent[at];
  const after = recent[at + 1];
  if (at < 0 || !before || !after) return null;
  const changes: string[] = [];
  if (before.verdict !== after.verdict)
    changes.push(`${verdictText(before.verdict, t)} → ${verdictText(after.verdict, t)}`);
  if (before.icp !== after.icp) {
    const shown = (n: string | null) => (n === null ? t.noNumber : `\`${escapePageText(n)}\``);
    changes.push(`${shown(before.icp)} → ${shown(after.icp)}`);
  }
  return `${changes.join(', ')} (${alertTime(after.at)})`;
}
