import type { FooterReport } from '../core/footer/types.js';
import type { TrafficEvent } from '../core/learn/traffic.js';
import type { WatchStore } from '../core/watch/watch-store-port.js';
import type { AlertThreadStore } from './alert-thread-store.js';
import type { DraftStore } from './draft-store.js';
import type { FeedbackStore } from './feedback-store.js';
import type { Installations } from './installation-store.js';
import type { StoreRecord } from './records.js';
import type { Engine } from './schema.js';

/** Keys that one process at a time may hold: Slack event ids, triaged threads. Shared by every replica. */
export interface Claims {
  /** Atomically takes `key` for `ttlMs`; true when we won it (it was free, or its last claim had expired). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` back (the handler failed), so a retry, on any replica, can claim it again. */
  release(key: string): Promise<void>;
}

/** Every question asked and suggestion picked, for `beian kb suggest`. */
export interface TrafficLog {
  /** Resolves once the event is committed. */
  record(event: TrafficEvent): Promise<void>;
  /** Every event at or after `since` (ISO), oldest first. */
  events(since?: string): Promise<TrafficEvent[]>;
}

/** A record read from a feedback.jsonl file, with a key that stays the same on every import of that file. */
export interface ImportedRecord {
  key: string;
  record: StoreRecord;
}

/** The result of one queued footer check. */
export interface QueueResult {
  batch: string;
  /** The target's place in its batch (0-based): `--wait` prints results in this order. */
  index: number;
  /** `dead`: the network kept failing through every retry, and the job went to the dead-letter list. */
  state: 'done' | 'dead';
  report: FooterReport;
  /** ISO timestamp. */
  at: string;
}

/** What queued footer checks keep in the database: results, and the per-host leases workers share. */
export interface QueueStore {
  /** Saves a result and adds it to the footer-check history as `user`, in one transaction; a job saved before is kept once. */
  saveResult(result: QueueResult, user: string): Promise<void>;
  /** Results of `batch` from `fromIndex` on, in index order, at most `limit`. */
  results(batch: string, fromIndex: number, limit: number): Promise<QueueResult[]>;
  /**
   * Takes `host` for `holder` when no one holds it and its rate-limit interval has passed: resolves with 0 when
   * taken, else with the milliseconds to wait before asking again. The lease lapses after `holdMs` (a dead worker).
   */
  leaseHost(host: string, holder: string, limits: { holdMs: number; intervalMs: number }): Promise<number>;
  /**
   * Gives `host` back. The next request may start `intervalMs` after now (and not before the interval set when it
   * was taken): counted from the end of this check, two requests' starts are `intervalMs` apart however long this
   * one took to begin its request after the lease (resolving the host, a browser starting).
   */
  releaseHost(host: string, holder: string, intervalMs: number): Promise<void>;
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
  /** Results of queued footer checks and the per-host politeness leases. */
  readonly queue: QueueStore;
  /** Watched sites, their check history, per-site leases and mutes. */
  readonly watches: WatchStore;
  /** Where watch alerts were posted in Slack, so recoveries reply in their thread. */
  readonly alertThreads: AlertThreadStore;
  /** Knowledge drafts captured from Slack. */
  readonly drafts: DraftStore;
  /** Questions asked and suggestions picked (the learning loop's evidence). */
  readonly traffic: TrafficLog;
  /** Slack installations (OAuth distribution), their tokens sealed by the Slack adapter. */
  readonly installations: Installations;
  /** Every record at or after `since` (ISO), oldest first. */
  records(since?: string): Promise<StoreRecord[]>;
  /** Inserts records in one transaction; a key already imported is skipped. Resolves with how many were new. */
  importRecords(records: readonly ImportedRecord[]): Promise<{ inserted: number; duplicates: number }>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
