import type { CheckRun, Watch, WatchState } from './types.js';

/** A watch to add or update: the stored fields people set, and when it is first due. */
export interface NewWatch {
  target: string;
  expect?: string | undefined;
  owner?: string | undefined;
  everyMs: number;
  /** Used only when the watch is new; an updated watch keeps its schedule. */
  nextRunAt: number;
}

/** What a finished check changes on its watch. */
export interface CheckOutcome {
  state: WatchState;
  nextRunAt: number;
}

/** Which history rows to read. */
export interface HistoryQuery {
  /** At or after this time (ms since the epoch). */
  since?: number;
  /** Most rows, newest kept (default 100). */
  limit?: number;
}

/** The watch list, its history, per-site leases and mutes: the storage the scheduler and the commands need. */
export interface WatchStore {
  /** Adds or updates watches in one transaction: all of them or, on any failure, none. */
  put(watches: readonly NewWatch[]): Promise<{ added: number; updated: number }>;
  get(target: string): Promise<Watch | null>;
  /** Every watch, by target. */
  list(): Promise<Watch[]>;
  /** Removes a watch and its history; false when there was none. */
  remove(target: string): Promise<boolean>;
  /** Mutes alerts until `until` (ms since the epoch), or unmutes with null; false when there is no such watch. */
  mute(target: string, until: number | null): Promise<boolean>;
  /** Makes watches due at `at` (every one, or the one named) unless already due sooner: "check now". */
  makeDue(at: number, target?: string): Promise<number>;
  /**
   * Leases up to `limit` watches due by `dueBy` whose lease is free or expired at `now`, to `holder` for
   * `ttlMs`: one check per site at a time across every replica. Soonest due first.
   */
  leaseDue(holder: string, options: { dueBy: number; now: number; limit: number; ttlMs: number }): Promise<Watch[]>;
  /** Records a finished check (history row, new state, next run) and frees the lease; false when the lease was lost. */
  complete(holder: string, run: CheckRun, outcome: CheckOutcome): Promise<boolean>;
  /** Frees a lease without recording anything (the check could not run). */
  release(target: string, holder: string): Promise<void>;
  /** A watch's checks, oldest first. */
  history(target: string, query?: HistoryQuery): Promise<CheckRun[]>;
  /** Deletes history older than `before` (ms since the epoch); resolves with how many rows went. */
  pruneHistory(before: number): Promise<number>;
}
