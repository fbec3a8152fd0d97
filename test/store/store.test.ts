import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, DATABASE_FILE, migrate, StoreError } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import type { StoreRecord } from '../../src/store/records.js';
import type { Tables } from '../../src/store/schema.js';
import { createTestPlace, ENGINES, type TestPlace } from './helpers/databases.js';

const check = (user: string, target: string, at: string): StoreRecord => ({
  kind: 'footer-check',
  at,
  user,
  channel: 'C1',
  target,
  verdict: 'pass',
  icp: null,
});

describe.each(ENGINES)('store on %s', (engine) => {
  let place: TestPlace;
  let store: Store;
  let clock = 1_000_000;
  beforeAll(async () => {
    place = await createTestPlace(engine);
    store = await createStore({ ...place, now: () => clock });
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('reports its engine and answers ping', async () => {
    expect(store.engine).toBe(engine);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('keeps every kind of record and reads them back oldest first', async () => {
    const records: StoreRecord[] = [
      {
        kind: 'unanswered',
        at: '2026-01-02T00:00:00.000Z',
        user: 'U1',
        channel: null,
        question: '备案？',
        bestEntryId: null,
        confidence: 0.25,
      },
      { kind: 'feedback', at: '2026-01-01T00:00:00.000Z', user: 'U1', channel: 'C1', entryId: 'e1', value: 'helpful' },
      check('U2', 'a.cn', '2026-01-03T00:00:00.000Z'),
    ];
    for (const record of records) await store.append(record);
    const back = await store.records();
    expect(back).toEqual([records[1], records[0], records[2]]);
    expect(await store.records('2026-01-02T00:00:00.000Z')).toEqual([records[0], records[2]]);
  });

  it('lists one person’s latest footer checks, newest first, up to the limit', async () => {
    for (let i = 1; i <= 7; i += 1) await store.append(check('U9', `s${i}.cn`, `2026-02-0${i}T00:00:00.000Z`));
    await store.append(check('U8', 'other.cn', '2026-02-09T00:00:00.000Z'));
    const recent = await store.recentChecks('U9');
    expect(recent.map((r) => r.target)).toEqual(['s7.cn', 's6.cn', 's5.cn', 's4.cn', 's3.cn']);
    expect((await store.recentChecks('U9', 2)).map((r) => r.target)).toEqual(['s7.cn', 's6.cn']);
    expect(await store.recentChecks('nobody')).toEqual([]);
  });

  it('lets exactly one of fifty simultaneous claims of a key win', async () => {
    const wins = await Promise.all(Array.from({ length: 50 }, () => store.eventClaims.claim('Ev-race', 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('makes a released claim, and only that one, claimable again', async () => {
    expect(await store.eventClaims.claim('Ev-a', 60_000)).toBe(true);
    expect(await store.eventClaims.claim('Ev-b', 60_000)).toBe(true);
    await store.eventClaims.release('Ev-a');
    expect(await store.eventClaims.claim('Ev-a', 60_000)).toBe(true);
    expect(await store.eventClaims.claim('Ev-b', 60_000)).toBe(false);
  });

  it('makes an expired claim claimable again, and a live one not', async () => {
    expect(await store.eventClaims.claim('Ev-old', 1000)).toBe(true);
    clock += 999;
    expect(await store.eventClaims.claim('Ev-old', 1000)).toBe(false);
    clock += 1;
    expect(await store.eventClaims.claim('Ev-old', 1000)).toBe(true);
    expect(await store.eventClaims.claim('Ev-old', 1000)).toBe(false);
  });

  it('keeps event claims and triage claims apart', async () => {
    expect(await store.eventClaims.claim('C1:1.1', 60_000)).toBe(true);
    expect(await store.triageClaims.claim('C1:1.1', 60_000)).toBe(true);
    expect(await store.triageClaims.claim('C1:1.1', 60_000)).toBe(false);
  });

  it('imports keyed records once, however often they are imported', async () => {
    const batch = [
      { key: 'k1', record: check('U7', 'i1.cn', '2026-03-01T00:00:00.000Z') },
      { key: 'k2', record: check('U7', 'i2.cn', '2026-03-02T00:00:00.000Z') },
    ];
    expect(await store.importRecords(batch)).toEqual({ inserted: 2, duplicates: 0 });
    expect(await store.importRecords(batch)).toEqual({ inserted: 0, duplicates: 2 });
    expect((await store.recentChecks('U7')).map((r) => r.target)).toEqual(['i2.cn', 'i1.cn']);
  });

  it('writes nothing of a failed import: it is one transaction', async () => {
    const bad = {
      kind: 'feedback',
      at: 'x',
      user: 'U6',
      channel: null,
      entryId: null,
      value: 'helpful',
    } as unknown as StoreRecord;
    const batch = [
      { key: 'ok', record: check('U6', 'kept.cn', '2026-04-01T00:00:00.000Z') },
      { key: 'bad', record: bad },
    ];
    await expect(store.importRecords(batch)).rejects.toThrow();
    expect(await store.recentChecks('U6')).toEqual([]);
  });

  it('runs migrations once: a second start applies none and keeps the data', async () => {
    const again = await createStore(place);
    expect((await again.recentChecks('U9', 1)).map((r) => r.target)).toEqual(['s7.cn']);
    await again.close();
    const db =
      engine === 'postgres'
        ? new Kysely<Tables>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: place.databaseUrl }) }),
          })
        : new Kysely<Tables>({
            dialect: new SqliteDialect({ database: new Database(join(place.dataDir, DATABASE_FILE)) }),
          });
    try {
      expect(await migrate(db, engine)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describe.each(ENGINES)('migrations on a fresh %s database', (engine) => {
  it('apply every version in order', async () => {
    const place = await createTestPlace(engine);
    const db =
      engine === 'postgres'
        ? new Kysely<Tables>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: place.databaseUrl }) }),
          })
        : new Kysely<Tables>({
            dialect: new SqliteDialect({ database: new Database(join(place.dataDir, 'fresh.db')) }),
          });
    try {
      expect(await migrate(db, engine)).toEqual([
        '0001-initial',
        '0002-jobs',
        '0003-watches',
        '0004-drafts',
        '0005-traffic',
        '0006-installations',
        '0007-alert-threads',
      ]);
      expect(await migrate(db, engine)).toEqual([]);
    } finally {
      await db.destroy();
      await place.dispose();
    }
  });
});

describe('opening a store', () => {
  it('names the server when PostgreSQL cannot be reached, without the password', async () => {
    const error = await createStore({
      databaseUrl: 'postgres://u:secret-pw@127.0.0.1:1/none',
      dataDir: 'unused',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/Could not open the database at postgres:\/\/127\.0\.0\.1:1\/none/);
    expect((error as Error).message).not.toContain('secret-pw');
  });

  it('names the file when the data folder cannot hold a database', async () => {
    const place = await createTestPlace('sqlite');
    const notAFolder = join(place.dataDir, 'a-file');
    await writeFile(notAFolder, 'x');
    const error = await createStore({ dataDir: notAFolder }).catch((e: unknown) => e);
    await place.dispose();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(join(notAFolder, DATABASE_FILE));
  });
});
