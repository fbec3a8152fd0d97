import type { Logger } from '@slack/bolt';
import type { StoreRecord } from '../store/records.js';
import { summariseFeedback } from '../store/summarise-feedback.js';

/** Options for createUsefulEntries. */
export interface UsefulEntriesOptions {
  /** Every record since an ISO time (Store.records). */
  records: (since?: string) => Promise<StoreRecord[]>;
  logger: Logger;
  /** Feedback older than this many days does not count. */
  days?: number;
  /** How long one reading of the feedback is reused. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * How useful people found each entry: helpful and solved minus not helpful and need a person, over recent feedback.
 * Read from the store at most once per `ttlMs`; when the store cannot be read, the last reading (or none) is used.
 */
export function createUsefulEntries(options: UsefulEntriesOptions): () => Promise<ReadonlyMap<string, number>> {
  const days = options.days ?? 90;
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const now = options.now ?? Date.now;
  let cached: { at: number; scores: ReadonlyMap<string, number> } | null = null;
  let reading: Promise<ReadonlyMap<string, number>> | null = null;

  const read = async (): Promise<ReadonlyMap<string, number>> => {
    const at = now();
    try {
      const since = new Date(at - days * 86_400_000).toISOString();
      const summary = summariseFeedback(await options.records(since), { limit: Number.POSITIVE_INFINITY });
      const scores = new Map(
        summary.leastHelpful.map((e) => [e.entryId, e.helpful + e.solved - e.notHelpful - e.needPerson]),
      );
      cached = { at, scores };
      return scores;
    } catch (error) {
      options.logger.warn('Could not read feedback for suggested questions; using the last reading:', error);
      return cached?.scores ?? new Map();
    } finally {
      reading = null;
    }
  };

  return () => {
    if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.scores);
    reading ??= read();
    return reading;
  };
}
