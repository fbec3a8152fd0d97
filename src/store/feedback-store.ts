import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FooterCheckRecord, StoreRecord } from './records.js';
import { storeRecordSchema } from './records.js';

/** The file name inside the data folder. */
export const STORE_FILE = 'feedback.jsonl';

const RECENT_CHECKS_KEPT = 20;

/** What was read back from the store, and how many lines were unreadable (a torn last line, hand edits). */
export interface StoreContents {
  records: StoreRecord[];
  skipped: number;
}

/** An append-only JSON Lines log of feedback, unanswered questions and footer checks. */
export interface FeedbackStore {
  readonly path: string;
  append(record: StoreRecord): Promise<void>;
  /** The latest footer checks by one person, newest first. */
  recentChecks(user: string, limit?: number): Promise<FooterCheckRecord[]>;
  /** Resolves when every append so far has reached the file. */
  flush(): Promise<void>;
}

/** Reads every valid record in the store file; a missing file is an empty store. */
export async function readStore(dataDir: string): Promise<StoreContents> {
  let text: string;
  try {
    text = await readFile(join(dataDir, STORE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0 };
    throw error;
  }
  const records: StoreRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = parseLine(line);
    if (record) records.push(record);
    else skipped += 1;
  }
  return { records, skipped };
}

function parseLine(line: string): StoreRecord | null {
  try {
    const parsed = storeRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Opens (lazily creating) the store in `dataDir`. Writes are serialised so lines never interleave. */
export function createFeedbackStore(dataDir: string): FeedbackStore {
  const path = join(dataDir, STORE_FILE);
  let recent: Map<string, FooterCheckRecord[]> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let opened = false;

  const open = async () => {
    await mkdir(dataDir, { recursive: true });
    const text = await readFile(path, 'utf8').catch(() => '');
    // A crash mid-write leaves a torn last line; start ours on a fresh line so it stays readable.
    if (text.length > 0 && !text.endsWith('\n')) await appendFile(path, '\n');
    opened = true;
  };
  const loadRecent = async () => {
    const index = new Map<string, FooterCheckRecord[]>();
    for (const record of (await readStore(dataDir)).records) {
      if (record.kind === 'footer-check') remember(index, record);
    }
    return index;
  };

  return {
    path,
    append(record) {
      const write = chain.then(async () => {
        if (!opened) await open();
        await appendFile(path, `${JSON.stringify(record)}\n`);
        if (record.kind === 'footer-check' && recent) remember(recent, record);
      });
      chain = write.catch(() => undefined);
      return write;
    },
    async recentChecks(user, limit = 5) {
      await chain;
      recent ??= await loadRecent();
      return (recent.get(user) ?? []).slice(-limit).reverse();
    },
    flush: () => chain,
  };
}

function remember(index: Map<string, FooterCheckRecord[]>, record: FooterCheckRecord): void {
  const list = index.get(record.user) ?? [];
  list.push(record);
  if (list.length > RECENT_CHECKS_KEPT) list.shift();
  index.set(record.user, list);
}
