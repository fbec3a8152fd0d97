import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

/** One alert's place in Slack: the conversation and the message that started its thread. */
export interface AlertThread {
  channel: string;
  ts: string;
}

/** Where watch alerts were posted, by site, incident and conversation, so recoveries reply in the same thread. */
export interface AlertThreadStore {
  /** Remembers (or replaces) where the alert for `target`'s incident went in `channel`. */
  remember(target: string, incidentSince: number, thread: AlertThread): Promise<void>;
  /** Where the incident's alert went in `channel`, or null when it was never posted there. */
  find(target: string, incidentSince: number, channel: string): Promise<AlertThread | null>;
  /** Forgets threads posted before `before` (ms since the epoch); resolves with how many went. */
  prune(before: number): Promise<number>;
}

/** The alert-thread store over the shared Kysely connection (both engines). */
export function createAlertThreadStore(db: Kysely<Tables>, now: () => number): AlertThreadStore {
  return {
    async remember(target, incidentSince, thread) {
      await db
        .insertInto('watch_alert_threads')
        .values({ target, incident_since: incidentSince, channel: thread.channel, ts: thread.ts, posted_at: now() })
        .onConflict((c) =>
          c.columns(['target', 'incident_since', 'channel']).doUpdateSet({ ts: thread.ts, posted_at: now() }),
        )
        .execute();
    },
    async find(target, incidentSince, channel) {
      const row = await db
        .selectFrom('watch_alert_threads')
        .select(['channel', 'ts'])
        .where('target', '=', target)
        .where('incident_since', '=', incidentSince)
        .where('channel', '=', channel)
        .executeTakeFirst();
      return row ? { channel: row.channel, ts: row.ts } : null;
    },
    async prune(before) {
      const result = await db.deleteFrom('watch_alert_threads').where('posted_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
