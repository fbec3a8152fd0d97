import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** Knowledge drafts captured from Slack ("Save as FAQ answer", 📖), waiting for `beian kb drafts export`. */
export function drafts(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('drafts')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        // The entry id the draft proposes: unique, so two people saving at once cannot both take it.
        .addColumn('entry_id', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('message_ts', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        // JSON arrays of strings: the same text on both engines.
        .addColumn('questions', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('source_title', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('drafts').execute();
    },
  };
}
