import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import { STORE_FILE } from '../store/feedback-store.js';
import type { Store } from '../store/ports.js';

/** Options every command that opens the database takes. */
export interface DatabaseOptions {
  dataDir?: string;
}

/** Opens the database the bot uses: $DATABASE_URL, else SQLite in `--data-dir`, $BEIAN_DATA_DIR or ./data. */
export async function openCommandStore(options: DatabaseOptions): Promise<Store> {
  const config = loadConfig(process.env);
  // Loaded on use: the database drivers would slow the start of every other command.
  const { createStore } = await import('../store/create-store.js');
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
    .action(async (options: DatabaseOptions) => {
      const store = await openCommandStore(options);
      await store.close();
      process.stdout.write(`beian: the database at ${store.location} is up to date\n`);
    });
  db.command('migrate-from-jsonl')
    .argument('[file]', 'the feedback.jsonl to import (default: feedback.jsonl in the data folder)')
    .description('import a feedback.jsonl from earlier versions; running it again imports nothing twice')
    .option('--data-dir <dir>', 'data folder (default: $BEIAN_DATA_DIR or ./data)')
    .action(async (file: string | undefined, options: DatabaseOptions) => {
      const source = file ?? join(options.dataDir ?? loadConfig(process.env).dataDir, STORE_FILE);
      if (!existsSync(source) || !statSync(source).isFile()) throw new UsageError(`no such file: ${source}`);
      const store = await openCommandStore(options);
      try {
        const { importJsonl } = await import('../store/import-jsonl.js');
        const summary = await importJsonl(store, source);
        const skipped = summary.skippedLines;
        process.stdout.write(
          `Imported ${summary.inserted} new record(s) from ${source} into ${store.location}; ` +
            `${summary.duplicates} already there; ${skipped.length} unreadable line(s) skipped` +
            `${skipped.length > 0 ? ` (line ${skipped.slice(0, 10).join(', ')}${skipped.length > 10 ? ', …' : ''})` : ''}.\n`,
        );
      } finally {
        await store.close();
      }
    });
}
