import type { Finding, Verdict } from '../footer/types.js';
import type { AlertEvent, CheckRun, Snapshot, Watch, WatchState } from './types.js';

/** How the alert decision behaves. */
export interface DecideOptions {
  /** Wait before re-checking a change that looked worse (a flaky page gets a second chance). */
  recheckDelayMs: number;
  /** `inconclusive` checks in a row before "could not be checked since …" is sent; one alone is never a regression. */
  inconclusiveAlertAfter: number;
}

/** Defaults, each with its reason. */
export const DECIDE_DEFAULTS: Readonly<DecideOptions> = Object.freeze({
  // Long enough for a deploy or a CDN hiccup to settle, short enough that a real regression is reported promptly.
  recheckDelayMs: 2 * 60_000,
  // Three in a row rules out a single timeout or restart, as uptime monitors' default retry counts do.
  inconclusiveAlertAfter: 3,
});

/** What to do after one check: the watch's new state, whether to re-check soon, and an alert to send. */
export interface Decision {
  state: WatchState;
  /** Set when the change looked worse and must be confirmed by a re-check this long from now. */
  recheckInMs: number | null;
  alert: AlertEvent | null;
}

const RANK: Record<Exclude<Verdict, 'inconclusive'>, number> = { pass: 0, warn: 1, fail: 2 };
// Before the first conclusive check a site is judged against a clean footer: one added broken is reported.
const CLEAN: Snapshot = { verdict: 'pass', icp: null, publicSecurity: null, findings: [] };

/** The part of a check that later checks are compared with: verdict, numbers, warnings and errors. */
export function snapshotOf(run: Snapshot): Snapshot {
  return {
    verdict: run.verdict,
    icp: run.icp,
    publicSecurity: run.publicSecurity,
    findings: run.findings
      .filter((f) => f.severity !== 'info')
      .map(({ rule, severity, message }) => ({ rule, severity, message })),
  };
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.rule === b.rule && a.severity === b.severity && a.message === b.message;
}

function newFindingsOf(run: Snapshot, before: Snapshot): Finding[] {
  return snapshotOf(run).findings.filter((f) => !before.findings.some((b) => sameFinding(f, b)));
}

function rankOf(verdict: Verdict): number {
  return verdict === 'inconclusive' ? -1 : RANK[verdict];
}

/** A link to the site for people: the page judged, else the target as typed made into a URL. */
export function siteUrl(target: string, finalUrl: string | null): string {
  if (finalUrl !== null) return finalUrl;
  return /^https?:\/\//i.test(target) ? target : `https://${target}/`;
}

function alertOf(
  watch: Pick<Watch, 'target' | 'owner'>,
  run: CheckRun,
  fields: Pick<AlertEvent, 'kind' | 'incidentSince' | 'verdictBefore' | 'numberBefore' | 'newFindings'> & {
    inconclusiveCount?: number;
  },
): AlertEvent {
  return {
    target: watch.target,
    ...(watch.owner === undefined ? {} : { owner: watch.owner }),
    url: siteUrl(watch.target, run.finalUrl),
    at: run.at,
    verdictAfter: run.verdict,
    numberAfter: run.icp,
    findings: run.findings,
    inconclusiveCount: 0,
    ...fields,
  };
}

function decideInconclusive(
  watch: Pick<Watch, 'target' | 'owner'>,
  state: WatchState,
  run: CheckRun,
  options: DecideOptions,
): Decision {
  const since = state.inconclusiveSince ?? run.at;
  const count = state.inconclusiveCount + 1;
  const due = count >= options.inconclusiveAlertAfter && !state.unreachableAlerted;
  const next: WatchState = {
    ...state,
    lastRun: { at: run.at, verdict: run.verdict },
    inconclusiveSince: since,
    inconclusiveCount: count,
    unreachableAlerted: state.unreachableAlerted || due,
    // A re-check that could not be made confirms nothing: the next regular check decides afresh.
    recheckPending: false,
  };
  const alert = due
    ? alertOf(watch, run, {
        kind: 'unreachable',
        incidentSince: since,
        verdictBefore: state.confirmed?.verdict ?? null,
        numberBefore: state.confirmed?.icp ?? null,
        newFindings: newFindingsOf(run, state.confirmed ?? CLEAN),
        inconclusiveCount: count,
      })
    : null;
  return { state: next, recheckInMs: null, alert };
}

/**
 * The alert decision for one finished check. Worse (pass → warn/fail, or a new error finding) is re-checked
 * once after a delay and alerted only if the re-check agrees; `inconclusive` alerts only after
 * `inconclusiveAlertAfter` in a row ("could not be checked since …"); back to pass after an alert, or
 * checkable again after "could not be checked", is a recovery. Pure: the caller stores the state and sends the alert.
 */
export function decideAlert(
  watch: Pick<Watch, 'target' | 'owner'>,
  state: WatchState,
  run: CheckRun,
  options: DecideOptions = DECIDE_DEFAULTS,
): Decision {
  if (run.verdict === 'inconclusive') return decideInconclusive(watch, state, run, options);
  const before = state.confirmed ?? CLEAN;
  const newFindings = newFindingsOf(run, before);
  const worse = rankOf(run.verdict) > rankOf(before.verdict) || newFindings.some((f) => f.severity === 'error');
  const settled: WatchState = {
    ...state,
    lastRun: { at: run.at, verdict: run.verdict },
    inconclusiveSince: null,
    inconclusiveCount: 0,
    unreachableAlerted: false,
    recheckPending: false,
  };
  if (worse && !state.recheckPending) {
    // Nothing changes yet but the flag; an unreachable streak stays alerted until a re-check confirms something.
    return {
      state: { ...settled, unreachableAlerted: state.unreachableAlerted, recheckPending: true },
      recheckInMs: options.recheckDelayMs,
      alert: null,
    };
  }
  const common = { verdictBefore: state.confirmed?.verdict ?? null, numberBefore: state.confirmed?.icp ?? null };
  if (worse) {
    // Worse again within an incident keeps the incident's start, so the sink threads it with the first alert.
    const incidentSince = before.verdict === 'pass' ? run.at : (state.confirmedAt ?? run.at);
    return {
      state: { ...settled, confirmed: snapshotOf(run), confirmedAt: incidentSince },
      recheckInMs: null,
      alert: alertOf(watch, run, { kind: 'regression', incidentSince, newFindings, ...common }),
    };
  }
  const wasBad = before.verdict !== 'pass';
  const recovered = run.verdict === 'pass' && wasBad;
  const confirmedAt = recovered || state.confirmedAt === null ? run.at : state.confirmedAt;
  const next: WatchState = { ...settled, confirmed: snapshotOf(run), confirmedAt };
  if (!recovered && !state.unreachableAlerted) return { state: next, recheckInMs: null, alert: null };
  const incidentSince = state.unreachableAlerted ? (state.inconclusiveSince ?? run.at) : (state.confirmedAt ?? run.at);
  const verdictBefore = state.unreachableAlerted ? 'inconclusive' : common.verdictBefore;
  return {
    state: next,
    recheckInMs: null,
    alert: alertOf(watch, run, { kind: 'recovery', incidentSince, newFindings, ...common, verdictBefore }),
  };
}
