import type { Logger } from '@slack/bolt';

/** What a person sees when a handler fails; the detail goes to the log only. */
export const SORRY_TEXT =
  'Sorry, something went wrong on my side while handling that. It has been logged; please try again in a moment.';

/**
 * Runs a listener's work; if it throws, logs the detail and tells the person with `tell`. Never rethrows,
 * so one failure cannot take the bot down (app.error stays the backstop for failures outside listeners).
 */
export async function runGuarded(
  logger: Logger,
  what: string,
  work: () => Promise<void>,
  tell: (text: string) => Promise<unknown>,
): Promise<void> {
  try {
    await yieldToAcks();
    await work();
  } catch (error) {
    logger.error(`${what} failed:`, error);
    try {
      await tell(SORRY_TEXT);
    } catch (tellError) {
      logger.error(`${what}: could not tell the person about the failure:`, tellError);
    }
  }
}

/**
 * Lets the event loop take pending requests (and send their acks) before this one's work runs: under load,
 * matching and block-building for one request would otherwise delay every ack queued behind it.
 */
export function yieldToAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
