import { createHash } from 'node:crypto';
import { readJsonl } from './feedback-store.js';
import type { ImportedRecord, Store } from './ports.js';

/** What an import did: records new to the database, ones imported before, and unreadable line numbers. */
export interface ImportSummary {
  read: number;
  inserted: number;
  duplicates: number;
  skippedLines: number[];
}

const BATCH = 1000;

/**
 * Imports a feedback.jsonl file into the store. Each record's key is its line's hash and how many identical
 * lines came before it, so two identical lines stay two records and a second import inserts nothing.
 */
export async function importJsonl(store: Store, file: string): Promise<ImportSummary> {
  const { lines, skipped } = await readJsonl(file);
  const seen = new Map<string, number>();
  const records: ImportedRecord[] = lines.map(({ text, record }) => {
    const hash = createHash('sha256').update(text.trim()).digest('hex');
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { key: `jsonl:${hash}:${occurrence}`, record };
  });
  let inserted = 0;
  for (let i = 0; i < records.length; i += BATCH) {
    inserted += (await store.importRecords(records.slice(i, i + BATCH))).inserted;
  }
  return { read: records.length, inserted, duplicates: records.length - inserted, skippedLines: skipped };
}
