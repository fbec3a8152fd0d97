import type { Logger, webApi } from '@slack/bolt';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { buildDigest, DEFAULT_DIGEST_OPTIONS, type Digest, digestSince } from '../core/learn/digest.js';
import type { Store } from '../store/ports.js';
import { readEvidence } from '../store/read-evidence.js';
import { buildDigestMessage } from './blocks/digest.js';
import { catalogueFor } from './messages/catalogue.js';
import { DEFAULT_LANG } from './user-language.js';

/** The time and timers the digest schedule runs on; tests pass one they move by hand. */
export interface Clock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The system clock; its timers do not keep the process alive. */
export const SYSTEM_CLOCK: Clock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// Mondays 01:00 UTC: 09:00 in China, the start of the team's week.
const DIGEST_WEEKDAY = 1;
const DIGEST_HOUR_UTC = 1;

/** The next digest time strictly after `now`: the coming Monday 01:00 UTC. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  at.setUTCDate(at.getUTCDate() + ((DIGEST_WEEKDAY - at.getUTCDay() + 7) % 7));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 7);
  return at;
}

/** What a digest is built from. */
export interface DigestSources {
  store: Store;
  kb: KnowledgeBase;
}

/** Reads the last week from the store and builds the digest as of `now`. */
export async function collectDigest(
  sources: DigestSources,
  now: Date,
  days = DEFAULT_DIGEST_OPTIONS.days,
): Promise<Digest> {
  const evidence = await readEvidence(sources.store, digestSince(now, days));
  return buildDigest({ kb: sources.kb, ...evidence }, now, { days });
}

/** Posts `digest` to `channel` in the bot's default language. */
export async function postDigest(client: webApi.WebClient, channel: string, digest: Digest): Promise<void> {
  const message = buildDigestMessage(digest, catalogueFor(DEFAULT_LANG));
  await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
}

/** Tells the digest channel that a knowledge change was refused, with its problems (at most 20) as file:line. */
export async function postRefusedReload(
  client: webApi.WebClient,
  channel: string,
  problems: readonly string[],
): Promise<void> {
  const t = catalogueFor(DEFAULT_LANG);
  const shown = problems.slice(0, 20).join('\n');
  const more = problems.length > 20 ? `\n${t.reloadMoreProblems(problems.length - 20)}` : '';
  const text = `${t.reloadRefused(problems.length)}\n\`\`\`\n${shown}${more}\n\`\`\``;
  await client.chat.postMessage({ channel, text, mrkdwn: true });
}

/**
 * Runs `run` every Monday at 01:00 UTC on `clock` until stop(); a failed run is logged and the next one still
 * comes, since a digest that fails once (Slack down) must not stop the ones after it.
 */
export function scheduleWeeklyDigest(clock: Clock, run: () => Promise<void>, logger: Logger): { stop(): void } {
  let handle: unknown;
  let stopped = false;
  const arm = () => {
    const now = clock.now();
    handle = clock.setTimeout(fire, nextDigestAt(now).getTime() - now.getTime());
  };
  const fire = () => {
    run()
      .catch((error: unknown) => logger.error('weekly digest failed:', error))
      .finally(() => {
        if (!stopped) arm();
      });
  };
  arm();
  return {
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}
