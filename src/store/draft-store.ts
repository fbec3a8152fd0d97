import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { CapturedDraft } from '../core/knowledge/capture-draft.js';
import type { Tables } from './schema.js';

/** A captured draft as kept: the entry fields, who saved it, and the message it came from. */
export interface SavedDraft extends CapturedDraft {
  /** ISO timestamp of the save. */
  at: string;
  user: string;
  channel: string | null;
  messageTs: string | null;
}

/** Drafts captured from Slack, waiting for a person to export and review them. */
export interface DraftStore {
  /** Saves a draft; resolves `taken` (and saves nothing) when another draft already has its id. */
  save(draft: SavedDraft): Promise<'saved' | 'taken'>;
  /** Every draft, oldest first. */
  list(): Promise<SavedDraft[]>;
  /** The ids of every draft, for proposing new ones. */
  ids(): Promise<string[]>;
}

const strings = z.array(z.string());

/** The draft store over the store's Kysely `db`. */
export function createDraftStore(db: Kysely<Tables>, track: <T>(work: Promise<T>) => Promise<T>): DraftStore {
  return {
    save(draft) {
      return track(
        db
          .insertInto('drafts')
          .values({
            entry_id: draft.id,
            at: draft.at,
            user_id: draft.user,
            channel: draft.channel,
            message_ts: draft.messageTs,
            title: draft.title,
            questions: JSON.stringify(draft.questions),
            answer: draft.answer,
            topic: draft.topic,
            tags: JSON.stringify(draft.tags),
            source_title: draft.source.title,
            source_url: draft.source.url,
          })
          .onConflict((oc) => oc.column('entry_id').doNothing())
          .executeTakeFirst()
          .then((result) => (Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'saved' : 'taken')),
      );
    },
    async list() {
      const rows = await db.selectFrom('drafts').selectAll().orderBy('at').orderBy('id').execute();
      return rows.map(toDraft);
    },
    async ids() {
      const rows = await db.selectFrom('drafts').select('entry_id').execute();
      return rows.map((r) => r.entry_id);
    },
  };
}

function toDraft(row: Selectable<Tables['drafts']>): SavedDraft {
  return {
    id: row.entry_id,
    title: row.title,
    questions: strings.parse(JSON.parse(row.questions)),
    answer: row.answer,
    topic: row.topic,
    tags: strings.parse(JSON.parse(row.tags)),
    source: { title: row.source_title, url: row.source_url },
    at: row.at,
    user: row.user_id,
    channel: row.channel,
    messageTs: row.message_ts,
  };
}
