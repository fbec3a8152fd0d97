import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';
import type { FeedbackEvent } from '../../../src/core/learn/suggest.js';
import type { TrafficEvent } from '../../../src/core/learn/traffic.js';
import type { LabelledQuestion } from '../../../src/core/match/evaluate.js';
import type { Matcher } from '../../../src/core/match/types.js';

/** Traffic a labelled set would make: each question asked by its own person, and the click that person would make. */
export interface Replay {
  traffic: TrafficEvent[];
  feedback: FeedbackEvent[];
  unanswered: { at: string; user: string; question: string; bestEntryId: string | null }[];
}

/**
 * Asks every question of `set` and, as a person who knows the right entry would: 👍 a right answer, clicks the right
 * suggestion when one is offered, or leaves it unanswered. Clock: one minute per question from `start`.
 */
export function replayAsTraffic(
  matcher: Matcher,
  set: readonly LabelledQuestion[],
  start = Date.UTC(2026, 10, 2),
): Replay {
  const replay: Replay = { traffic: [], feedback: [], unanswered: [] };
  set.forEach((q, i) => {
    const at = (offset: number) => new Date(start + i * 60_000 + offset).toISOString();
    const user = `U${String(i).padStart(4, '0')}`;
    const result = matcher.match(q.question);
    const answered = result.answered ? (result.best?.id ?? null) : null;
    const suggestionIds = result.suggestions.map((s) => s.id);
    const thread = `C1:${i}`;
    replay.traffic.push({
      kind: 'asked',
      at: at(0),
      user,
      channel: 'C1',
      thread,
      question: q.question,
      answeredEntryId: answered,
      confidence: result.confidence,
      suggestionIds,
    });
    if (!answered) {
      replay.unanswered.push({ at: at(0), user, question: q.question, bestEntryId: result.best?.id ?? null });
    }
    if (q.expected !== null && answered === q.expected) {
      replay.feedback.push({ at: at(1000), user, channel: 'C1', entryId: q.expected, value: 'helpful' });
    } else if (q.expected !== null && suggestionIds.includes(q.expected)) {
      replay.traffic.push({ kind: 'picked', at: at(1000), user, channel: 'C1', thread, entryId: q.expected });
    } else if (answered !== null) {
      replay.feedback.push({ at: at(1000), user, channel: 'C1', entryId: answered, value: 'not-helpful' });
    }
  });
  return replay;
}

/** Whether the knowledge base has an entry for every labelled question (a set written for another base does not). */
export function coversSet(kb: KnowledgeBase, set: readonly LabelledQuestion[]): boolean {
  return set.every((q) => q.expected === null || kb.byId.has(q.expected));
}
