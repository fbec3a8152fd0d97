import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** Traffic: every question asked with what was shown, and every suggestion picked, joinable by person and thread. */
export function traffic(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('traffic_events')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('thread', 'text')
        .addColumn('question', 'text')
        // asked: the entry answered with (null when refused); picked: the entry chosen.
        .addColumn('entry_id', 'text')
        .addColumn('confidence', 'double precision')
        // asked: the suggestions shown, a JSON array of entry ids.
        .addColumn('suggestion_ids', 'text')
        .execute();
      await db.schema.createIndex('traffic_events_by_time').on('traffic_events').column('at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('traffic_events').execute();
    },
  };
}
