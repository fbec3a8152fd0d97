import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { TrafficEvent } from '../core/learn/traffic.js';
import type { TrafficLog } from './ports.js';
import type { Tables } from './schema.js';

const ids = z.array(z.string());

/** The traffic log over the same Kysely `db` as the rest of the store; `track` lets close() wait for writes. */
export function createTrafficLog(db: Kysely<Tables>, track: <T>(work: Promise<T>) => Promise<T>): TrafficLog {
  return {
    record(event) {
      const row =
        event.kind === 'asked'
          ? {
              question: event.question,
              entry_id: event.answeredEntryId,
              confidence: event.confidence,
              suggestion_ids: JSON.stringify(event.suggestionIds),
            }
          : { question: null, entry_id: event.entryId, confidence: null, suggestion_ids: null };
      const insert = db
        .insertInto('traffic_events')
        .values({
          at: event.at,
          kind: event.kind,
          user_id: event.user,
          channel: event.channel,
          thread: event.thread,
          ...row,
        })
        .execute();
      return track(insert.then(() => undefined));
    },
    async events(since) {
      const query = db.selectFrom('traffic_events').selectAll().orderBy('at').orderBy('id');
      const rows = await (since === undefined ? query : query.where('at', '>=', since)).execute();
      return rows.flatMap(toEvent);
    },
  };
}

// A row this version cannot read (hand-edited, or a kind from a later version) is left out, not fatal.
function toEvent(row: Selectable<Tables['traffic_events']>): TrafficEvent[] {
  const base = { at: row.at, user: row.user_id, channel: row.channel, thread: row.thread };
  if (row.kind === 'picked' && row.entry_id !== null) return [{ kind: 'picked', ...base, entryId: row.entry_id }];
  if (row.kind !== 'asked' || row.question === null) return [];
  const shown = ids.safeParse(safeJson(row.suggestion_ids ?? '[]'));
  return [
    {
      kind: 'asked',
      ...base,
      question: row.question,
      answeredEntryId: row.entry_id,
      confidence: Number(row.confidence ?? 0),
      suggestionIds: shown.success ? shown.data : [],
    },
  ];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
