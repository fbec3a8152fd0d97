import type { Finding, FooterScreenshot, Verdict } from '../footer/types.js';

/** One watched site, as stored: what to expect, who owns it, how often it is checked. */
export interface Watch {
  /** What to check, as the person gave it (a domain or URL); the watch's key. */
  target: string;
  /** The ICP number on record, e.g. `京ICP备05004398号-1`. */
  expect?: string;
  /** Who hears about changes: a Slack user (`U0123ABCD`) or a name such as `@alice`. */
  owner?: string;
  /** Time between checks, in milliseconds. */
  everyMs: number;
  /** No alerts before this time (ms since the epoch); checks and history go on. */
  mutedUntil?: number;
  /** When the watch was added (ms since the epoch). */
  createdAt: number;
  /** When the next check is due (ms since the epoch). */
  nextRunAt: number;
  /** What the alert decision remembers between checks. */
  state: WatchState;
}

/** What a watch looked like at one check: the verdict, the numbers and the findings that matter. */
export interface Snapshot {
  verdict: Verdict;
  icp: string | null;
  publicSecurity: string | null;
  findings: Finding[];
}

/** The alert decision's memory for one watch. */
export interface WatchState {
  /** The last state people were told about (or accepted silently); null before the first conclusive check. */
  confirmed: Snapshot | null;
  /** When `confirmed` began: the start of the current incident when it is not `pass`. */
  confirmedAt: number | null;
  /** The last check of any kind. */
  lastRun: { at: number; verdict: Verdict } | null;
  /** The first of the current run of `inconclusive` checks, and how many there have been. */
  inconclusiveSince: number | null;
  inconclusiveCount: number;
  /** True once "could not be checked since …" was sent for the current run of `inconclusive` checks. */
  unreachableAlerted: boolean;
  /** True when the next check is the re-check of a change that looked worse. */
  recheckPending: boolean;
}

/** A fresh watch's state. */
export const INITIAL_STATE: WatchState = Object.freeze({
  confirmed: null,
  confirmedAt: null,
  lastRun: null,
  inconclusiveSince: null,
  inconclusiveCount: 0,
  unreachableAlerted: false,
  recheckPending: false,
}) as WatchState;

/** One row of a watch's history: a check and what it found. */
export interface CheckRun extends Snapshot {
  target: string;
  /** When the check finished (ms since the epoch). */
  at: number;
  /** True for the short-delay re-check of a change that looked worse. */
  recheck: boolean;
  /** The page that was judged, when one was reached. */
  finalUrl: string | null;
}

/** What an alert is about. */
export type AlertKind = 'regression' | 'recovery' | 'unreachable';

/** One alert: what changed on a watched site, for the owner and the alert channel. */
export interface AlertEvent {
  kind: AlertKind;
  target: string;
  owner?: string;
  /** A link to the site: the page judged, else the target as an https URL. */
  url: string;
  /** When the check behind the alert finished (ms since the epoch). */
  at: number;
  /**
   * When the incident began (ms since the epoch): the same on a regression and the recovery that ends it,
   * so a sink can thread them; for `unreachable`, the first check that could not be made.
   */
  incidentSince: number;
  verdictBefore: Verdict | null;
  verdictAfter: Verdict;
  numberBefore: string | null;
  numberAfter: string | null;
  /** Warnings and errors the check found that the state before did not have. */
  newFindings: Finding[];
  /** Every finding of the check behind the alert. */
  findings: Finding[];
  /** How many checks in a row could not be made (for `unreachable`). */
  inconclusiveCount: number;
  /** The footer picture of the check behind the alert, when watched sites are rendered and one was taken. */
  screenshot?: FooterScreenshot;
}

/** Where alerts go: the Slack side implements it (DM the owner, post to the channel); the CLI prints. */
export interface AlertSink {
  /** Delivers one alert; a rejection is logged by the caller and does not stop the round. */
  alert(event: AlertEvent): Promise<void>;
}
