import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Finding } from '../core/footer/types.js';
import { type CheckRun, INITIAL_STATE, type Watch, type WatchState } from '../core/watch/types.js';
import type { NewWatch, WatchStore } from '../core/watch/watch-store-port.js';
import type { Engine, Tables } from './schema.js';

const verdict = z.enum(['pass', 'warn', 'fail', 'inconclusive']);
const finding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
}) as unknown as z.ZodType<Finding>;
const snapshot = z.object({
  verdict,
  icp: z.string().nullable(),
  publicSecurity: z.string().nullable(),
  findings: z.array(finding),
});
// Read back through a schema: a state written by an older version (or by hand) starts afresh rather than crash.
const stateSchema: z.ZodType<WatchState> = z.object({
  confirmed: snapshot.nullable(),
  confirmedAt: z.number().nullable(),
  lastRun: z.object({ at: z.number(), verdict }).nullable(),
  inconclusiveSince: z.number().nullable(),
  inconclusiveCount: z.number(),
  unreachableAlerted: z.boolean(),
  recheckPending: z.boolean(),
});
const findingsSchema = z.array(finding);

const DEFAULT_HISTORY_LIMIT = 100;
// Rows per statement in put: 10 columns each stays far below SQLite's 32,766 bound parameters.
const PUT_CHUNK = 500;

// node-postgres hands bigint columns back as strings; SQLite as numbers.
const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function parseState(text: string): WatchState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...INITIAL_STATE };
  } catch {
    return { ...INITIAL_STATE };
  }
}

function toWatch(row: Selectable<Tables['watches']>): Watch {
  const muted = numOrNull(row.muted_until);
  return {
    target: row.target,
    ...(row.expect === null ? {} : { expect: row.expect }),
    ...(row.owner === null ? {} : { owner: row.owner }),
    everyMs: num(row.every_ms),
    ...(muted === null ? {} : { mutedUntil: muted }),
    createdAt: num(row.created_at),
    nextRunAt: num(row.next_run_at),
    state: parseState(row.state),
  };
}

function toRun(row: Selectable<Tables['watch_runs']>): CheckRun {
  let findings: Finding[] = [];
  try {
    findings = findingsSchema.parse(JSON.parse(row.findings));
  } catch {
    // A hand-edited row keeps its verdict; its unreadable findings are left out.
  }
  return {
    target: row.target,
    at: num(row.at),
    verdict: verdict.catch('inconclusive').parse(row.verdict),
    icp: row.icp,
    publicSecurity: row.psb,
    findings,
    recheck: num(row.recheck) === 1,
    finalUrl: row.final_url,
  };
}

/** The watch list over the store's Kysely connection (SQLite or PostgreSQL). */
export function createWatchStore(db: Kysely<Tables>, engine: Engine, now: () => number = Date.now): WatchStore {
  return {
    put(watches) {
      return db.transaction().execute(async (trx) => {
        let added = 0;
        // In chunks: one query finds which exist, one insert adds the rest (10,000 rows in seconds, not minutes).
        for (let start = 0; start < watches.length; start += PUT_CHUNK) {
          const chunk = watches.slice(start, start + PUT_CHUNK);
          const existing = await trx
            .selectFrom('watches')
            .select('target')
            .where(
              'target',
              'in',
              chunk.map((w) => w.target),
            )
            .execute();
          const known = new Set(existing.map((row) => row.target));
          const fields = (w: NewWatch) => ({ expect: w.expect ?? null, owner: w.owner ?? null, every_ms: w.everyMs });
          for (const w of chunk.filter((x) => known.has(x.target))) {
            await trx.updateTable('watches').set(fields(w)).where('target', '=', w.target).execute();
          }
          const fresh = chunk.filter((x) => !known.has(x.target));
          if (fresh.length === 0) continue;
          await trx
            .insertInto('watches')
            .values(
              fresh.map((w) => ({
                target: w.target,
                ...fields(w),
                muted_until: null,
                created_at: now(),
                next_run_at: w.nextRunAt,
                lease_holder: null,
                lease_until: null,
                state: JSON.stringify(INITIAL_STATE),
              })),
            )
            .execute();
          added += fresh.length;
        }
        return { added, updated: watches.length - added };
      });
    },
    async get(target) {
      const row = await db.selectFrom('watches').selectAll().where('target', '=', target).executeTakeFirst();
      return row === undefined ? null : toWatch(row);
    },
    async list() {
      const rows = await db.selectFrom('watches').selectAll().orderBy('target').execute();
      return rows.map(toWatch);
    },
    remove(target) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('watch_runs').where('target', '=', target).execute();
        const result = await trx.deleteFrom('watches').where('target', '=', target).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },
    async mute(target, until) {
      const result = await db
        .updateTable('watches')
        .set({ muted_until: until })
        .where('target', '=', target)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async makeDue(at, target) {
      let query = db.updateTable('watches').set({ next_run_at: at }).where('next_run_at', '>', at);
      if (target !== undefined) query = query.where('target', '=', target);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async leaseDue(holder, { dueBy, now: at, limit, ttlMs }) {
      let due = db
        .selectFrom('watches')
        .select('target')
        .where('next_run_at', '<=', dueBy)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
        .orderBy('next_run_at')
        .limit(limit);
      // PostgreSQL: replicas leasing at once each take different rows instead of queueing on the same ones.
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('watches')
        .set({ lease_holder: holder, lease_until: at + ttlMs })
        .where('target', 'in', due)
        // Checked again on the row itself: what decides a race between replicas is this update, not the select.
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
        .returningAll()
        .execute();
      return rows.map(toWatch).sort((a, b) => a.nextRunAt - b.nextRunAt || a.target.localeCompare(b.target));
    },
    complete(holder, run, outcome) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('watches')
          .set({
            state: JSON.stringify(outcome.state),
            next_run_at: outcome.nextRunAt,
            lease_holder: null,
            lease_until: null,
          })
          .where('target', '=', run.target)
          .where('lease_holder', '=', holder)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await trx
          .insertInto('watch_runs')
          .values({
            target: run.target,
            at: run.at,
            verdict: run.verdict,
            icp: run.icp,
            psb: run.publicSecurity,
            findings: JSON.stringify(run.findings.map(({ rule, severity, message }) => ({ rule, severity, message }))),
            recheck: run.recheck ? 1 : 0,
            final_url: run.finalUrl,
          })
          .execute();
        return true;
      });
    },
    async release(target, holder) {
      await db
        .updateTable('watches')
        .set({ lease_holder: null, lease_until: null })
        .where('target', '=', target)
        .where('lease_holder', '=', holder)
        .execute();
    },
    async history(target, query = {}) {
      let select = db
        .selectFrom('watch_runs')
        .selectAll()
        .where('target', '=', target)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit ?? DEFAULT_HISTORY_LIMIT);
      if (query.since !== undefined) select = select.where('at', '>=', query.since);
      const rows = await select.execute();
      return rows.map(toRun).reverse();
    },
    async pruneHistory(before) {
      const result = await db.deleteFrom('watch_runs').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
