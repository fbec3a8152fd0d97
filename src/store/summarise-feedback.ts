import { normaliseText } from '../core/text/normalise.js';
import type { StoreRecord } from './records.js';

/** A group of unanswered questions that read the same once normalised. */
export interface UnansweredGroup {
  /** The wording people used most often (the first seen, on a tie). */
  question: string;
  count: number;
  lastAsked: string;
  /** The entry the matcher came closest with, most often. */
  bestEntryId: string | null;
  /** Highest confidence any of them reached. */
  maxConfidence: number;
}

/** Feedback counts for one entry. */
export interface EntryFeedback {
  entryId: string;
  helpful: number;
  notHelpful: number;
  solved: number;
  needPerson: number;
}

/** What `beian report` prints. */
export interface FeedbackSummary {
  since: string | null;
  unanswered: UnansweredGroup[];
  /** Worst first: most "not helpful" and "need a person" against "helpful" and "solved". */
  leastHelpful: EntryFeedback[];
  footerChecks: number;
}

/** Options for summariseFeedback. */
export interface SummaryOptions {
  /** Only records from the last N days. */
  days?: number;
  now?: Date;
  /** Most rows per list. */
  limit?: number;
}

/** Groups unanswered questions by normalised text and ranks entries by how unhelpful people found them. */
export function summariseFeedback(records: readonly StoreRecord[], options: SummaryOptions = {}): FeedbackSummary {
  const now = options.now ?? new Date();
  const since = options.days === undefined ? null : new Date(now.getTime() - options.days * 86_400_000).toISOString();
  const recent = since === null ? records : records.filter((r) => r.at >= since);
  const limit = options.limit ?? 20;
  return {
    since,
    unanswered: groupUnanswered(recent).slice(0, limit),
    leastHelpful: rankEntries(recent).slice(0, limit),
    footerChecks: recent.filter((r) => r.kind === 'footer-check').length,
  };
}

/** The key unanswered questions are grouped by: normalised, case-folded, trailing punctuation dropped. */
export function questionKey(question: string): string {
  return normaliseText(question)
    .toLowerCase()
    .replace(/[\s?？!！。.,，、~]+$/u, '');
}

function groupUnanswered(records: readonly StoreRecord[]): UnansweredGroup[] {
  const groups = new Map<
    string,
    { wordings: Map<string, number>; best: Map<string, number>; group: UnansweredGroup }
  >();
  for (const r of records) {
    if (r.kind !== 'unanswered') continue;
    const key = questionKey(r.question);
    const slot = groups.get(key) ?? {
      wordings: new Map(),
      best: new Map(),
      group: { question: r.question, count: 0, lastAsked: r.at, bestEntryId: null, maxConfidence: 0 },
    };
    slot.group.count += 1;
    if (r.at > slot.group.lastAsked) slot.group.lastAsked = r.at;
    slot.group.maxConfidence = Math.max(slot.group.maxConfidence, r.confidence);
    slot.wordings.set(r.question, (slot.wordings.get(r.question) ?? 0) + 1);
    if (r.bestEntryId) slot.best.set(r.bestEntryId, (slot.best.get(r.bestEntryId) ?? 0) + 1);
    groups.set(key, slot);
  }
  return [...groups.values()]
    .map(({ wordings, best, group }) => ({
      ...group,
      question: mostCommon(wordings) ?? group.question,
      bestEntryId: mostCommon(best),
    }))
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

function rankEntries(records: readonly StoreRecord[]): EntryFeedback[] {
  const entries = new Map<string, EntryFeedback>();
  const field = {
    helpful: 'helpful',
    'not-helpful': 'notHelpful',
    solved: 'solved',
    'need-person': 'needPerson',
  } as const;
  for (const r of records) {
    if (r.kind !== 'feedback' || r.entryId === '') continue;
    const e = entries.get(r.entryId) ?? { entryId: r.entryId, helpful: 0, notHelpful: 0, solved: 0, needPerson: 0 };
    e[field[r.value]] += 1;
    entries.set(r.entryId, e);
  }
  const score = (e: EntryFeedback) => e.notHelpful + e.needPerson - e.helpful - e.solved;
  return [...entries.values()].sort(
    (a, b) =>
      score(b) - score(a) ||
      b.notHelpful + b.needPerson - (a.notHelpful + a.needPerson) ||
      a.entryId.localeCompare(b.entryId),
  );
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
