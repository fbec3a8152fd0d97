import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** Feedback, unanswered questions, footer-check history, and claims (event ids, triaged threads). */
export function initial(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const record = (name: string) =>
        db.schema
          .createTable(name)
          .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
            engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('channel', 'text')
          .addColumn('import_key', 'text', (c) => c.unique());
      await record('feedback')
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await record('unanswered_questions')
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('best_entry_id', 'text')
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .execute();
      await record('footer_checks')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('icp', 'text')
        .execute();
      await db.schema.createIndex('footer_checks_by_user').on('footer_checks').columns(['user_id', 'at']).execute();
      for (const table of ['feedback', 'unanswered_questions']) {
        await db.schema.createIndex(`${table}_by_time`).on(table).column('at').execute();
      }
      await db.schema
        .createTable('claims')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        // Milliseconds since the epoch: claims compare against the caller's clock, the same on every engine.
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('claims_pk', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('claims_by_expiry').on('claims').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['claims', 'footer_checks', 'unanswered_questions', 'feedback']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
