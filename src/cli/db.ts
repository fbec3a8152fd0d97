import type { Command } from 'commander';
import type { Store } from '../store/ports.js';
import { lazyAction } from './lazy-action.js';

/** Options every command that opens the database takes. */
export interface DatabaseOptions {
  dataDir?: string;
}

/** Opens the database the bot uses: $DATABASE_URL, else SQLite in `--data-dir`, $BEIAN_DATA_DIR or ./data. */
export async function openCommandStore(options: DatabaseOptions): Promise<Store> {
  // Loaded on use, as command actions are (lazy-action.ts): the config schema and the database drivers would slow
  // the start of every command that registers from here.
  const [{ loadConfig }, { createStore }] = await Promise.all([
    import('../config.js'),
    import('../store/create-store.js'),
  ]);
  const config = loadConfig(process.env);
  return createStore({ databaseUrl: config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
}

/** Registers `beian db`: `migrate` (what start-up does) and `migrate-from-jsonl [FILE]`. */
export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('the database: $DATABASE_URL (PostgreSQL), else SQLite in the data folder');
  db.command('migrate')
    .description('bring the database schema up to date (start-up does this too)')
    .option('--data-dir <dir>', 'data folder for the embedded database (default: $BEIAN_DATA_DIR or ./data)')
    .action(lazyAction(() => import('./db-action.js'), 'runMigrate'));
  db.command('migrate-from-jsonl')
    .argument('[file]', 'the feedback.jsonl to import (default: feedback.jsonl in the data folder)')
    .description('import a feedback.jsonl from earlier versions; running it again imports nothing twice')
    .option('--data-dir <dir>', 'data folder (default: $BEIAN_DATA_DIR or ./data)')
    .action(lazyAction(() => import('./db-action.js'), 'runMigrateFromJsonl'));
}
