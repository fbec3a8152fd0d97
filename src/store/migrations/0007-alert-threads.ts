import type { Kysely } from 'kysely';

/** Where each watch alert was posted (channel and message ts), so a recovery can reply in the alert's thread. */
export function alertThreads() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('watch_alert_threads')
        .addColumn('target', 'text', (c) => c.notNull())
        // The incident's start (ms since the epoch): the same on a regression and the recovery that ends it.
        .addColumn('incident_since', 'bigint', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('posted_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('watch_alert_threads_pk', ['target', 'incident_since', 'channel'])
        .execute();
      await db.schema
        .createIndex('watch_alert_threads_by_time')
        .on('watch_alert_threads')
        .column('posted_at')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('watch_alert_threads').execute();
    },
  };
}
