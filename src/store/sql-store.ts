import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { createAlertThreadStore } from './alert-thread-store.js';
import { createDraftStore } from './draft-store.js';
import { createInstallations } from './installation-store.js';
import type { Claims, Store } from './ports.js';
import { createQueueStore } from './queue-store.js';
import type { FooterCheckRecord, StoreRecord } from './records.js';
import { storeRecordSchema } from './records.js';
import type { Engine, Tables } from './schema.js';
import { createTrafficLog } from './traffic-store.js';
import { createWatchStore } from './watch-store.js';

/** Options for createSqlStore. */
export interface SqlStoreOptions {
  engine: Engine;
  location: string;
  /** The clock claims expire by. */
  now?: () => number;
  /** Called once by close(), after the query layer is destroyed. */
  onClose?: () => Promise<void>;
}

type RecordTable = 'feedback' | 'unanswered_questions' | 'footer_checks';
const RECORD_TABLES: readonly RecordTable[] = ['feedback', 'unanswered_questions', 'footer_checks'];
// Expired claims are deleted now and then rather than on every claim: a claim stays one statement.
const PURGE_EVERY = 500;

/** The one store implementation, over Kysely; the engines differ only in the connection `db` was made with. */
export function createSqlStore(db: Kysely<Tables>, options: SqlStoreOptions): Store {
  const now = options.now ?? Date.now;
  const writes = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    writes.add(work);
    const done = () => writes.delete(work);
    work.then(done, done);
    return work;
  };
  let claimsMade = 0;
  const claims = (scope: string): Claims => ({
    async claim(key, ttlMs) {
      const at = now();
      claimsMade += 1;
      if (claimsMade % PURGE_EVERY === 0) await db.deleteFrom('claims').where('expires_at', '<=', at).execute();
      // One statement, atomic on both engines: insert, or take over a claim that has expired; a live one wins.
      const won = await db
        .insertInto('claims')
        .values({ scope, key, expires_at: at + ttlMs })
        .onConflict((oc) =>
          oc
            .columns(['scope', 'key'])
            .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where('claims.expires_at', '<=', at),
        )
        .returning('key')
        .executeTakeFirst();
      return won !== undefined;
    },
    async release(key) {
      await db.deleteFrom('claims').where('scope', '=', scope).where('key', '=', key).execute();
    },
  });

  return {
    engine: options.engine,
    location: options.location,
    eventClaims: claims('event'),
    triageClaims: claims('triage'),
    queue: createQueueStore(db, now),
    watches: createWatchStore(db, options.engine, now),
    alertThreads: createAlertThreadStore(db, now),
    drafts: createDraftStore(db, track),
    traffic: createTrafficLog(db, track),
    installations: createInstallations(db),
    append(record) {
      return track(insertRecord(db, record, null).then(() => undefined));
    },
    async recentChecks(user, limit = 5) {
      const rows = await db
        .selectFrom('footer_checks')
        .selectAll()
        .where('user_id', '=', user)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toFooterCheck);
    },
    async flush() {
      await Promise.allSettled([...writes]);
    },
    async records(since) {
      const read = (table: RecordTable) => {
        const query = db.selectFrom(table).selectAll();
        return (since === undefined ? query : query.where('at', '>=', since)).execute();
      };
      const [feedback, unanswered, checks] = await Promise.all(RECORD_TABLES.map(read));
      const all = [
        ...(feedback ?? []).map((r) => toRecord('feedback', r)),
        ...(unanswered ?? []).map((r) => toRecord('unanswered_questions', r)),
        ...(checks ?? []).map((r) => toRecord('footer_checks', r)),
      ];
      return all.sort((a, b) => a.at.localeCompare(b.at));
    },
    importRecords(records) {
      return track(
        db.transaction().execute(async (trx) => {
          let inserted = 0;
          for (const { key, record } of records) inserted += await insertRecord(trx, record, key);
          return { inserted, duplicates: records.length - inserted };
        }),
      );
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await Promise.allSettled([...writes]);
      await db.destroy();
      await options.onClose?.();
    },
  };
}

/** Inserts one record; with an import key, a record imported before is skipped. Resolves with rows inserted. */
async function insertRecord(
  db: Kysely<Tables> | Transaction<Tables>,
  record: StoreRecord,
  importKey: string | null,
): Promise<number> {
  const base = { at: record.at, user_id: record.user, channel: record.channel, import_key: importKey };
  const insert = <T extends RecordTable>(table: T, values: Insertable<Tables[T]>) =>
    db
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) => oc.column('import_key').doNothing())
      .executeTakeFirst()
      .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0));
  switch (record.kind) {
    case 'feedback':
      return insert('feedback', { ...base, entry_id: record.entryId, value: record.value });
    case 'unanswered':
      return insert('unanswered_questions', {
        ...base,
        question: record.question,
        best_entry_id: record.bestEntryId,
        confidence: record.confidence,
      });
    case 'footer-check':
      return insert('footer_checks', { ...base, target: record.target, verdict: record.verdict, icp: record.icp });
  }
}

function toRecord<T extends RecordTable>(table: T, row: Selectable<Tables[T]>): StoreRecord {
  const r = row as Record<string, unknown>;
  const base = { at: r.at, user: r.user_id, channel: r.channel };
  const raw =
    table === 'feedback'
      ? { kind: 'feedback', ...base, entryId: r.entry_id, value: r.value }
      : table === 'unanswered_questions'
        ? {
            kind: 'unanswered',
            ...base,
            question: r.question,
            bestEntryId: r.best_entry_id,
            confidence: Number(r.confidence),
          }
        : { kind: 'footer-check', ...base, target: r.target, verdict: r.verdict, icp: r.icp };
  // Validated on the way out too: a row edited by hand cannot hand the report a value it does not know.
  return storeRecordSchema.parse(raw);
}

function toFooterCheck(row: Selectable<Tables['footer_checks']>): FooterCheckRecord {
  return toRecord('footer_checks', row) as FooterCheckRecord;
}
