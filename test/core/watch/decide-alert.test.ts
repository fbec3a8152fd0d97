import { describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../../src/core/footer/types.js';
import { decideAlert } from '../../../src/core/watch/decide-alert.js';
import { type CheckRun, INITIAL_STATE, type WatchState } from '../../../src/core/watch/types.js';

const OPTIONS = { recheckDelayMs: 60_000, inconclusiveAlertAfter: 3 };
const WATCH = { target: 'example.cn', owner: '@alice' };
const NO_LINK: Finding = { rule: 'icp-link', severity: 'error', message: 'the number does not link to MIIT' };
const NO_NUMBER: Finding = { rule: 'icp-number', severity: 'error', message: 'no ICP number on the page' };
const FAR: Finding = { rule: 'icp-position', severity: 'warning', message: 'the number is not in the footer' };
const DOWN: Finding = { rule: 'page', severity: 'error', message: 'connection refused' };
const NOTE: Finding = { rule: 'page', severity: 'info', message: 'the homepage redirected' };

const findingsOf: Record<Verdict, Finding[]> = { pass: [NOTE], warn: [FAR], fail: [NO_LINK], inconclusive: [DOWN] };

function run(verdict: Verdict, at: number, extra: Partial<CheckRun> = {}): CheckRun {
  return {
    target: 'example.cn',
    at,
    verdict,
    icp: verdict === 'inconclusive' ? null : '京ICP备05004398号-1',
    publicSecurity: null,
    findings: findingsOf[verdict],
    recheck: false,
    finalUrl: verdict === 'inconclusive' ? null : 'https://example.cn/',
    ...extra,
  };
}

/** Feeds verdicts through the decision in order; returns each step's alert kind (or recheck / none). */
function play(steps: (Verdict | CheckRun)[]): { outcomes: string[]; state: WatchState } {
  let state: WatchState = INITIAL_STATE;
  const outcomes = steps.map((step, i) => {
    const check = typeof step === 'string' ? run(step, (i + 1) * 1000) : step;
    const decision = decideAlert(WATCH, state, check, OPTIONS);
    state = decision.state;
    if (decision.alert) return decision.alert.kind;
    return decision.recheckInMs === null ? '-' : 'recheck';
  });
  return { outcomes, state };
}

describe.each([
  ['a steady pass alerts nobody', ['pass', 'pass', 'pass'], ['-', '-', '-']],
  [
    'pass → fail is re-checked, then alerted when the re-check agrees',
    ['pass', 'fail', 'fail'],
    ['-', 'recheck', 'regression'],
  ],
  [
    'a flaky fail that passes on the re-check alerts nobody',
    ['pass', 'fail', 'pass', 'pass'],
    ['-', 'recheck', '-', '-'],
  ],
  ['pass → warn is a regression too', ['pass', 'warn', 'warn'], ['-', 'recheck', 'regression']],
  [
    'a failing site stays one alert until it recovers',
    ['pass', 'fail', 'fail', 'fail', 'pass'],
    ['-', 'recheck', 'regression', '-', 'recovery'],
  ],
  [
    'warn → fail inside an incident is alerted again',
    ['pass', 'warn', 'warn', 'fail', 'fail'],
    ['-', 'recheck', 'regression', 'recheck', 'regression'],
  ],
  [
    'fail → warn improves silently; warn → pass is the recovery',
    ['pass', 'fail', 'fail', 'warn', 'pass'],
    ['-', 'recheck', 'regression', '-', 'recovery'],
  ],
  ['a site added broken is reported after its re-check', ['fail', 'fail'], ['recheck', 'regression']],
  ['one inconclusive is not a regression', ['pass', 'inconclusive', 'pass'], ['-', '-', '-']],
  [
    'two inconclusive in a row are still not reported',
    ['pass', 'inconclusive', 'inconclusive', 'pass'],
    ['-', '-', '-', '-'],
  ],
  [
    'three inconclusive in a row are reported once, and being checkable again is a recovery',
    ['pass', 'inconclusive', 'inconclusive', 'inconclusive', 'inconclusive', 'pass'],
    ['-', '-', '-', 'unreachable', '-', 'recovery'],
  ],
  [
    'an inconclusive re-check confirms nothing: the next check decides afresh',
    ['pass', 'fail', 'inconclusive', 'fail', 'fail'],
    ['-', 'recheck', '-', 'recheck', 'regression'],
  ],
] as const)('%s', (_name, verdicts, expected) => {
  it('decides each check as expected', () => {
    expect(play([...verdicts]).outcomes).toEqual(expected);
  });
});

describe('decideAlert', () => {
  it('alerts a new error finding at the same verdict, naming only what is new', () => {
    const failA = run('fail', 1000);
    const failAB = run('fail', 2000, { findings: [NO_LINK, NO_NUMBER] });
    let state = decideAlert(WATCH, INITIAL_STATE, failA, OPTIONS).state;
    state = decideAlert(WATCH, state, { ...failA, at: 1500 }, OPTIONS).state;
    const held = decideAlert(WATCH, state, failAB, OPTIONS);
    expect(held.recheckInMs).toBe(60_000);
    const confirmed = decideAlert(WATCH, held.state, { ...failAB, at: 3000, recheck: true }, OPTIONS);
    expect(confirmed.alert?.kind).toBe('regression');
    expect(confirmed.alert?.newFindings).toEqual([NO_NUMBER]);
    // Worse again inside an incident keeps its start, so a sink threads both alerts.
    expect(confirmed.alert?.incidentSince).toBe(1500);
  });

  it('gives the alert what changed: verdicts, numbers before and after, owner, link, new findings', () => {
    let state = decideAlert(WATCH, INITIAL_STATE, run('pass', 1000), OPTIONS).state;
    const changed = run('fail', 2000, { icp: '沪ICP备12345678号', findings: [NOTE, NO_LINK] });
    state = decideAlert(WATCH, state, changed, OPTIONS).state;
    const { alert } = decideAlert(WATCH, state, { ...changed, at: 3000, recheck: true }, OPTIONS);
    expect(alert).toEqual({
      kind: 'regression',
      target: 'example.cn',
      owner: '@alice',
      url: 'https://example.cn/',
      at: 3000,
      incidentSince: 3000,
      verdictBefore: 'pass',
      verdictAfter: 'fail',
      numberBefore: '京ICP备05004398号-1',
      numberAfter: '沪ICP备12345678号',
      newFindings: [NO_LINK],
      findings: [NOTE, NO_LINK],
      inconclusiveCount: 0,
    });
  });

  it('threads the recovery with the regression it ends', () => {
    const { outcomes } = play(['pass', 'fail', 'fail', 'pass']);
    expect(outcomes.at(-1)).toBe('recovery');
    let state = INITIAL_STATE;
    const alerts = ['pass', 'fail', 'fail', 'fail', 'pass'].flatMap((verdict, i) => {
      const decision = decideAlert(WATCH, state, run(verdict as Verdict, (i + 1) * 1000), OPTIONS);
      state = decision.state;
      return decision.alert ? [decision.alert] : [];
    });
    expect(alerts.map((a) => [a.kind, a.incidentSince, a.verdictBefore])).toEqual([
      ['regression', 3000, 'pass'],
      ['recovery', 3000, 'fail'],
    ]);
  });

  it('says since when a site could not be checked, and how many checks in a row', () => {
    let state = decideAlert(WATCH, INITIAL_STATE, run('pass', 1000), OPTIONS).state;
    const kinds: (string | null)[] = [];
    for (const at of [2000, 3000, 4000]) {
      const decision = decideAlert(WATCH, state, run('inconclusive', at), OPTIONS);
      state = decision.state;
      kinds.push(decision.alert?.kind ?? null);
      if (decision.alert) {
        expect(decision.alert.incidentSince).toBe(2000);
        expect(decision.alert.inconclusiveCount).toBe(3);
        expect(decision.alert.url).toBe('https://example.cn/');
      }
    }
    expect(kinds).toEqual([null, null, 'unreachable']);
    const back = decideAlert(WATCH, state, run('pass', 5000), OPTIONS);
    expect(back.alert?.kind).toBe('recovery');
    expect(back.alert?.verdictBefore).toBe('inconclusive');
    expect(back.alert?.incidentSince).toBe(2000);
  });

  it('honours a different inconclusive threshold', () => {
    let state = INITIAL_STATE;
    const kinds = [1, 2].map((i) => {
      const decision = decideAlert(WATCH, state, run('inconclusive', i), { ...OPTIONS, inconclusiveAlertAfter: 1 });
      state = decision.state;
      return decision.alert?.kind ?? null;
    });
    expect(kinds).toEqual(['unreachable', null]);
  });

  it('ignores info findings when comparing: a new redirect note is no change', () => {
    const { outcomes } = play([
      run('pass', 1),
      run('pass', 2, { findings: [] }),
      run('pass', 3, { findings: [NOTE, NOTE] }),
    ]);
    expect(outcomes).toEqual(['-', '-', '-']);
  });
});
