import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import { STORE_FILE } from '../store/feedback-store.js';
import { type DatabaseOptions, openCommandStore } from './db.js';

/** `beian db migrate`: brings the database schema up to date. */
export async function runMigrate(options: DatabaseOptions): Promise<void> {
  const store = await openCommandStore(options);
  await store.close();
  process.stdout.write(`beian: the database at ${store.location} is up to date\n`);
}

/** `beian db migrate-from-jsonl [FILE]`: imports a feedback.jsonl from earlier versions, nothing twice. */
export async function runMigrateFromJsonl(file: string | undefined, options: DatabaseOptions): Promise<void> {
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
}
