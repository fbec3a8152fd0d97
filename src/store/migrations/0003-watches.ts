import type { Kysely } from 'kysely';
import type { Engine } from '../schema.js';

/** The footer watch list (with each site's lease and alert state) and its check history. */
export function watches(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Times are milliseconds since the epoch (bigint): leases and due times compare against the caller's clock.
      await db.schema
        .createTable('watches')
        .addColumn('target', 'text', (c) => c.primaryKey())
        .addColumn('expect', 'text')
        .addColumn('owner', 'text')
        .addColumn('every_ms', 'bigint', (c) => c.notNull())
        .addColumn('muted_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('next_run_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_holder', 'text')
        .addColumn('lease_until', 'bigint')
        // The alert decision's memory, as JSON: read and written whole with each check.
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('watches_by_due').on('watches').column('next_run_at').execute();
      await db.schema
        .createTable('watch_runs')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('icp', 'text')
        .addColumn('psb', 'text')
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('recheck', 'integer', (c) => c.notNull())
        .addColumn('final_url', 'text')
        .execute();
      await db.schema.createIndex('watch_runs_by_target').on('watch_runs').columns(['target', 'at']).execute();
      await db.schema.createIndex('watch_runs_by_time').on('watch_runs').column('at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['watch_runs', 'watches']) await db.schema.dropTable(table).execute();
    },
  };
}
