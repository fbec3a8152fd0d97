import type { WatchStore } from '../core/watch/watch-store-port.js';
import type { AlertThreadStore } from './alert-thread-store.js';
import type { FeedbackStore } from './feedback-store.js';
import type { StoreRecord } from './records.js';
import type { Engine } from './schema.js';

/** Keys that one process at a time may hold: Slack event ids, triaged threads. Shared by every replica. */
export interface Claims {
  /** Atomically takes `key` for `ttlMs`; true when we won it (it was free, or its last claim had expired). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` back (the handler failed), so a retry, on any replica, can claim it again. */
  release(key: string): Promise<void>;
}

/** A record read from a feedback.jsonl file, with a key that stays the same on every import of that file. */
export interface ImportedRecord {
  key: string;
  record: StoreRecord;
}

/** Everything the bot keeps: records (feedback, unanswered questions, footer checks) and claims. */
export interface Store extends FeedbackStore {
  readonly engine: Engine;
  /** Where the data lives, for messages: the SQLite file, or the PostgreSQL host and database (no password). */
  readonly location: string;
  /** Slack event ids already being answered (retry dedupe). */
  readonly eventClaims: Claims;
  /** Triage threads that already got their one unasked suggestion. */
  readonly triageClaims: Claims;
  /** Watched sites, their check history, per-site leases and mutes. */
  readonly watches: WatchStore;
  /** Where watch alerts were posted in Slack, so recoveries reply in their thread. */
  readonly alertThreads: AlertThreadStore;
  /** Every record at or after `since` (ISO), oldest first. */
  records(since?: string): Promise<StoreRecord[]>;
  /** Inserts records in one transaction; a key already imported is skipped. Resolves with how many were new. */
  importRecords(records: readonly ImportedRecord[]): Promise<{ inserted: number; duplicates: number }>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
