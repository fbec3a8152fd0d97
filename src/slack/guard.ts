import type { Logger } from '@slack/bolt';
import type { Catalogue } from './messages/catalogue.js';

/**
 * Runs a listener's work; if it throws, logs the detail and tells the person with `tell`, in their language. Never rethrows,
 * so one failure cannot take the bot down (app.error stays the backstop for failures outside listeners).
 */
export async function runGuarded(
  logger: Logger,
  what: string,
  work: () => Promise<void>,
  tell: (text: string) => Promise<unknown>,
  t: Pick<Catalogue, 'sorry'>,
): Promise<void> {
  try {
    await yieldToAcks();
    await work();
  } catch (error) {
    logger.error(`${what} failed:`, error);
    try {
      await tell(t.sorry);
    } catch (tellError) {
      logger.error(`${what}: could not tell the person about the failure:`, tellError);
    }
  }
}

// Each waiting job gets its own turn of the event loop, so a burst of work is interleaved with the
// polling that reads new requests and sends their acks, instead of running back to back.
let turns: Promise<void> = Promise.resolve();

/**
 * Waits for this job's turn: one job's synchronous work (matching, building blocks) per event-loop turn,
 * with pending requests read and acknowledged in between. Under load this keeps acks ahead of work.
 */
export function yieldToAcks(): Promise<void> {
  const turn = turns.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  turns = turn;
  return turn;
}
