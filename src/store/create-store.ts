import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { BeianError } from '../core/errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Store } from './ports.js';
import type { Engine, Tables } from './schema.js';
import { createSqlStore } from './sql-store.js';

/** The SQLite file inside the data folder. */
export const DATABASE_FILE = 'beian.db';

/** Where createStore keeps the data. */
export interface StoreOptions {
  /** PostgreSQL when set (postgres://…); otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Most PostgreSQL connections per process. */
  poolSize?: number;
  now?: () => number;
}

/** A database that could not be opened, reached or migrated. */
export class StoreError extends BeianError {}

/** Opens the store (PostgreSQL when `databaseUrl` is set, else SQLite) and brings its schema up to date. */
export async function createStore(options: StoreOptions): Promise<Store> {
  const { db, engine, location } = options.databaseUrl
    ? connectPostgres(options.databaseUrl, options.poolSize ?? 10)
    : connectSqlite(options.dataDir);
  try {
    await migrate(db, engine);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('store-open', `Could not open the database at ${location}: ${detail}`, { cause: error });
  }
  return createSqlStore(db, { engine, location, ...(options.now ? { now: options.now } : {}) });
}

/** Applies every migration not yet applied; a database already up to date is left as it is. */
export async function migrate(db: Kysely<Tables>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function connectSqlite(dataDir: string) {
  const file = resolve(join(dataDir, DATABASE_FILE));
  let database: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    database = new Database(file);
    // WAL lets the report read while the bot writes; FULL syncs the WAL on every commit, so a write that
    // was acknowledged survives SIGKILL and power loss alike (NORMAL would risk the last commits on power loss).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('store-open', `Could not open the database file ${file}: ${detail}`, { cause: error });
  }
  return {
    db: new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }),
    engine: 'sqlite' as const,
    location: file,
  };
}

function connectPostgres(url: string, max: number) {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }),
    engine: 'postgres' as const,
    location: describeUrl(url),
  };
}

/** The URL without its password, for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
