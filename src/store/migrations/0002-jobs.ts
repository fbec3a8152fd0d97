import type { Kysely } from 'kysely';

/** Queued footer checks: each job's result (read back in input order by `--wait`) and per-host politeness leases. */
export function jobs() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('queue_results')
        .addColumn('batch', 'text', (c) => c.notNull())
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        // 'done', or 'dead' when the network kept failing and the job went to the dead-letter list.
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('queue_results_pk', ['batch', 'idx'])
        .execute();
      await db.schema
        .createTable('host_leases')
        .addColumn('host', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        // Milliseconds since the epoch, on the callers' clocks (as claims are): the lease lapses at busy_until
        // if its holder dies; the next request to the host may start at next_at (the per-host rate limit).
        .addColumn('busy_until', 'bigint', (c) => c.notNull())
        .addColumn('next_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['host_leases', 'queue_results']) await db.schema.dropTable(table).execute();
    },
  };
}
