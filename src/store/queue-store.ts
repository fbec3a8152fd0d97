import type { Kysely } from 'kysely';
import type { QueueResult, QueueStore } from './ports.js';
import type { Tables } from './schema.js';

// How often a worker looks again at a host another worker is still checking: one check takes tens of ms or more.
const BUSY_POLL_MS = 25;

/** Queue results and per-host leases over the same Kysely `db` as the rest of the store. */
export function createQueueStore(db: Kysely<Tables>, now: () => number): QueueStore {
  return {
    async saveResult(result, user) {
      await db.transaction().execute(async (trx) => {
        const saved = await trx
          .insertInto('queue_results')
          .values({
            batch: result.batch,
            idx: result.index,
            target: result.report.target,
            verdict: result.report.verdict,
            state: result.state,
            report: JSON.stringify(result.report),
            at: result.at,
          })
          .onConflict((oc) => oc.columns(['batch', 'idx']).doNothing())
          .executeTakeFirst();
        // A job run twice (its worker died after saving, before the queue heard) is kept once, history too.
        if (Number(saved.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await trx
          .insertInto('footer_checks')
          .values({
            at: result.at,
            user_id: user,
            channel: null,
            import_key: null,
            target: result.report.target,
            verdict: result.report.verdict,
            icp: result.report.icp?.number ?? null,
          })
          .execute();
      });
    },
    async results(batch, fromIndex, limit) {
      const rows = await db
        .selectFrom('queue_results')
        .select(['idx', 'state', 'report', 'at'])
        .where('batch', '=', batch)
        .where('idx', '>=', fromIndex)
        .orderBy('idx')
        .limit(limit)
        .execute();
      return rows.map(
        (row): QueueResult => ({
          batch,
          index: Number(row.idx),
          state: row.state === 'dead' ? 'dead' : 'done',
          report: JSON.parse(row.report),
          at: row.at,
        }),
      );
    },
    async leaseHost(host, holder, { holdMs, intervalMs }) {
      const at = now();
      // One statement, atomic on both engines: take the host when it is free and its interval has passed.
      const won = await db
        .insertInto('host_leases')
        .values({ host, holder, busy_until: at + holdMs, next_at: at + intervalMs })
        .onConflict((oc) =>
          oc
            .column('host')
            .doUpdateSet({
              holder: (eb) => eb.ref('excluded.holder'),
              busy_until: (eb) => eb.ref('excluded.busy_until'),
              next_at: (eb) => eb.ref('excluded.next_at'),
            })
            .where('host_leases.busy_until', '<=', at)
            .where('host_leases.next_at', '<=', at),
        )
        .returning('host')
        .executeTakeFirst();
      if (won !== undefined) return 0;
      const row = await db
        .selectFrom('host_leases')
        .select(['busy_until', 'next_at'])
        .where('host', '=', host)
        .executeTakeFirst();
      if (row === undefined) return 0;
      if (Number(row.busy_until) > at) return BUSY_POLL_MS;
      return Math.max(1, Number(row.next_at) - at);
    },
    async releaseHost(host, holder, intervalMs) {
      const after = now() + intervalMs;
      await db
        .updateTable('host_leases')
        .set((eb) => ({
          busy_until: 0,
          next_at: eb.case().when('next_at', '<', after).then(after).else(eb.ref('next_at')).end(),
        }))
        .where('host', '=', host)
        .where('holder', '=', holder)
        .execute();
    },
  };
}
