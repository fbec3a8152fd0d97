import { readFile } from 'node:fs/promises';
import type { FooterCheckRecord, StoreRecord } from './records.js';
import { storeRecordSchema } from './records.js';

/** The JSON Lines file earlier versions kept in the data folder; `beian db migrate-from-jsonl` imports it. */
export const STORE_FILE = 'feedback.jsonl';

/** Records written by the bot: feedback, unanswered questions and footer checks. */
export interface FeedbackStore {
  /** Resolves once the record is committed (durable). */
  append(record: StoreRecord): Promise<void>;
  /** The latest footer checks by one person, newest first. */
  recentChecks(user: string, limit?: number): Promise<FooterCheckRecord[]>;
  /** Resolves when every append so far has settled. */
  flush(): Promise<void>;
}

/** One line of a feedback.jsonl file that parsed as a record, with its 1-based line number. */
export interface JsonlLine {
  line: number;
  text: string;
  record: StoreRecord;
}

/** What was read from a feedback.jsonl file, and the line numbers that were unreadable (torn, hand-edited). */
export interface JsonlContents {
  lines: JsonlLine[];
  skipped: number[];
}

/** Reads every valid record of a feedback.jsonl file; a missing file is an empty one. */
export async function readJsonl(file: string): Promise<JsonlContents> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], skipped: [] };
    throw error;
  }
  const lines: JsonlLine[] = [];
  const skipped: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseLine(line);
    if (record) lines.push({ line: index + 1, text: line, record });
    else skipped.push(index + 1);
  });
  return { lines, skipped };
}

function parseLine(line: string): StoreRecord | null {
  try {
    const parsed = storeRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
