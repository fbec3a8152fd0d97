import type { SlackMessage } from './blocks/message.js';

/** Slack takes at most five messages through one response URL (within 30 minutes). */
export const RESPONSE_URL_MESSAGES = 5;

/** Options for createResponseBatcher. */
export interface ResponseBatcherOptions<T> {
  /** How many items will be added in all. */
  total: number;
  /** Lays the items of one batch out as messages (in input order). */
  build: (items: readonly T[]) => SlackMessage[];
  /** Posts one batch's messages; a rejection is reported to `lost` and the next batches still go. */
  post: (messages: readonly SlackMessage[]) => Promise<void>;
  lost: (items: readonly T[], error: unknown) => void;
  /** Messages the response URL takes; Slack's five by default. */
  budget?: number;
}

/** Collects items as they finish and posts them; `done()` resolves once every item has been posted (or lost). */
export interface ResponseBatcher<T> {
  add(index: number, item: T): void;
  done(): Promise<void>;
}

/**
 * Posts each item as soon as it is ready, batching whatever finished while a post was in flight, and keeps
 * the last message of the budget for the items still running, so no item is dropped by Slack's limit.
 */
export function createResponseBatcher<T>(options: ResponseBatcherOptions<T>): ResponseBatcher<T> {
  const budget = options.budget ?? RESPONSE_URL_MESSAGES;
  const ready: { index: number; item: T }[] = [];
  let posted = 0;
  let used = 0;
  let chain: Promise<void> = Promise.resolve();

  const postReady = async () => {
    if (ready.length === 0) return;
    const stillRunning = options.total - posted - ready.length;
    const batch = [...ready].sort((a, b) => a.index - b.index).map((r) => r.item);
    const messages = options.build(batch);
    // Hold back when this post would leave nothing for the items still running; the last one sends them all.
    if (stillRunning > 0 && used + messages.length >= budget) return;
    ready.length = 0;
    posted += batch.length;
    used += messages.length;
    await options.post(messages).catch((error: unknown) => options.lost(batch, error));
  };

  return {
    add(index, item) {
      ready.push({ index, item });
      chain = chain.then(postReady);
    },
    done: () => chain,
  };
}
