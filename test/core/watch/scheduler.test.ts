import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCREENSHOT_BYTES } from '../../../src/core/footer/render/footer-screenshot.js';
import type { FooterReport, FooterScreenshot, Verdict } from '../../../src/core/footer/types.js';
import { createScheduler, realSleep, type SchedulerDeps } from '../../../src/core/watch/scheduler.js';
import type { AlertEvent, Watch } from '../../../src/core/watch/types.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/ports.js';
import { createTestPlace, ENGINES, type TestPlace } from '../../store/helpers/databases.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

function reportFor(target: string, verdict: Verdict): FooterReport {
  const error = verdict === 'fail' || verdict === 'inconclusive';
  return {
    target,
    url: `https://${target}/`,
    finalUrl: verdict === 'inconclusive' ? null : `https://${target}/`,
    verdict,
    icp: verdict === 'pass' ? { number: '京ICP备05004398号-1', kind: '备', province: '京', href: null } : null,
    publicSecurity: null,
    findings: error
      ? [{ rule: verdict === 'fail' ? 'icp-number' : 'page', severity: 'error', message: `${verdict} here` }]
      : [],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  };
}

/** A clock the test moves: `sleep` resolves when `advance` passes its time. */
function fakeClock(start: number) {
  let now = start;
  let sleepers: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep(ms: number, signal: AbortSignal) {
      return new Promise<void>((resolve) => {
        sleepers.push({ at: now + ms, wake: resolve });
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
    async advance(ms: number) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now);
      sleepers = sleepers.filter((s) => s.at > now);
      for (const s of due) s.wake();
      // Let the woken round run its database work.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    pending: () => sleepers.length,
    /** Waits (on the real clock, up to 10 s) until `n` sleepers wait: a started scheduler finished its round. */
    async settled(n = 1) {
      for (let i = 0; i < 1000 && sleepers.length < n; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

/** Runs a round that waits for its re-checks, moving the fake clock past the delay once it sleeps. */
async function roundWithRechecks(s: ReturnType<typeof createScheduler>, clock: ReturnType<typeof fakeClock>) {
  const round = s.round({ awaitRechecks: true });
  for (let i = 0; i < 200 && clock.pending() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await clock.advance(2 * MINUTE);
  return round;
}

/** Verdicts per target, taken one per check (the last repeats); records every check. */
function scriptedChecks(script: Record<string, Verdict[]>) {
  const checked: string[] = [];
  let running = 0;
  let most = 0;
  const check = async (watch: Watch) => {
    checked.push(watch.target);
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
    const verdicts = script[watch.target] ?? ['pass'];
    const verdict = verdicts.length > 1 ? (verdicts.shift() as Verdict) : (verdicts[0] ?? 'pass');
    return reportFor(watch.target, verdict);
  };
  return { check, checked, most: () => most };
}

function collectingSink() {
  const alerts: AlertEvent[] = [];
  return { alerts, sink: { alert: async (event: AlertEvent) => void alerts.push(event) } };
}

describe('scheduler under a fake clock (SQLite)', () => {
  let place: TestPlace;
  let store: Store;
  const clock = fakeClock(1_000 * HOUR);
  beforeEach(async () => {
    place = await createTestPlace('sqlite');
    store = await createStore({ ...place, now: clock.now });
  });
  afterEach(async () => {
    await store?.close();
    await place?.dispose();
  });

  function scheduler(deps: Pick<SchedulerDeps, 'check' | 'sink'> & Partial<SchedulerDeps>, holder = 'r1') {
    return createScheduler(
      { store: store.watches, now: clock.now, sleep: clock.sleep, ...deps },
      { holder, tickMs: MINUTE, concurrency: 4, decide: { recheckDelayMs: 2 * MINUTE, inconclusiveAlertAfter: 3 } },
    );
  }

  it('checks only what is due, records each check and schedules the next one an interval (± jitter) later', async () => {
    const t = clock.now();
    await store.watches.put([
      { target: 'due.cn', everyMs: HOUR, nextRunAt: t - 1 },
      { target: 'later.cn', everyMs: HOUR, nextRunAt: t + HOUR },
    ]);
    const { check, checked } = scriptedChecks({});
    const summary = await scheduler({ check, sink: collectingSink().sink }).round();
    expect(summary).toEqual({ checked: 1, alerts: 0, rechecks: 0, lost: 0 });
    expect(checked).toEqual(['due.cn']);
    const due = await store.watches.get('due.cn');
    expect(Math.abs((due?.nextRunAt ?? 0) - (t + HOUR))).toBeLessThanOrEqual(0.1 * HOUR);
    expect((await store.watches.history('due.cn')).map((r) => r.verdict)).toEqual(['pass']);
    expect(due?.state.lastRun).toEqual({ at: t, verdict: 'pass' });
  });

  it('re-checks a regression after the delay and alerts once the re-check agrees; a flaky site alerts nobody', async () => {
    const t = clock.now();
    await store.watches.put([
      { target: 'broken.cn', everyMs: HOUR, nextRunAt: t, owner: '@alice' },
      { target: 'flaky.cn', everyMs: HOUR, nextRunAt: t },
    ]);
    const { check } = scriptedChecks({ 'broken.cn': ['pass', 'fail', 'fail'], 'flaky.cn': ['pass', 'fail', 'pass'] });
    const { alerts, sink } = collectingSink();
    const s = scheduler({ check, sink });
    await s.round();
    await store.watches.makeDue(clock.now());
    expect(await s.round()).toMatchObject({ checked: 2, rechecks: 2, alerts: 0 });
    // Not yet: the re-check waits its delay.
    await clock.advance(MINUTE);
    expect((await s.round()).checked).toBe(0);
    await clock.advance(MINUTE);
    expect(await s.round()).toMatchObject({ checked: 2, rechecks: 0, alerts: 1 });
    expect(alerts.map((a) => [a.kind, a.target, a.owner, a.verdictBefore, a.verdictAfter])).toEqual([
      ['regression', 'broken.cn', '@alice', 'pass', 'fail'],
    ]);
    expect((await store.watches.history('flaky.cn')).map((r) => [r.verdict, r.recheck])).toEqual([
      ['pass', false],
      ['fail', false],
      ['pass', true],
    ]);
  });

  it('keeps checking a muted site and its history, but sends it no alert', async () => {
    const t = clock.now();
    await store.watches.put([{ target: 'muted.cn', everyMs: HOUR, nextRunAt: t }]);
    await store.watches.mute('muted.cn', t + 7 * 24 * HOUR);
    const { check } = scriptedChecks({ 'muted.cn': ['fail'] });
    const { alerts, sink } = collectingSink();
    const summary = await roundWithRechecks(scheduler({ check, sink }), clock);
    expect(summary).toMatchObject({ checked: 2, alerts: 0 });
    expect(alerts).toEqual([]);
    expect((await store.watches.get('muted.cn'))?.state.confirmed?.verdict).toBe('fail');
  });

  it('hands the footer picture of the check behind an alert to the sink, never an oversized one', async () => {
    const t = clock.now();
    await store.watches.put([
      { target: 'pictured.cn', everyMs: HOUR, nextRunAt: t },
      { target: 'huge.cn', everyMs: HOUR, nextRunAt: t },
    ]);
    const picture = (size: number): FooterScreenshot => ({
      type: 'jpeg',
      bytes: new Uint8Array(size).fill(7),
      width: 1280,
      height: 160,
      region: { x: 0, y: 900, width: 1280, height: 160 },
      outlined: { icp: false, link: false },
    });
    const check = async (watch: Watch) => ({
      ...reportFor(watch.target, 'fail'),
      rendered: true,
      screenshot: picture(watch.target === 'huge.cn' ? MAX_SCREENSHOT_BYTES + 1 : 2048),
    });
    const { alerts, sink } = collectingSink();
    expect(await roundWithRechecks(scheduler({ check, sink }), clock)).toMatchObject({ alerts: 2 });
    const byTarget = new Map(alerts.map((a) => [a.target, a]));
    expect(byTarget.get('pictured.cn')?.screenshot?.bytes.length).toBe(2048);
    expect(byTarget.get('huge.cn')?.screenshot).toBeUndefined();
    // The bytes stay out of the history.
    expect(JSON.stringify(await store.watches.history('pictured.cn'))).not.toContain('screenshot');
  });
  it('checks one page at a time per host while other hosts go on in parallel', async () => {
    const t = clock.now();
    const targets = [
      ...['a', 'b', 'c', 'd'].map((p) => `https://same.cn/${p}`),
      ...['x', 'y', 'z'].map((h) => `${h}.cn`),
    ];
    await store.watches.put(targets.map((target) => ({ target, everyMs: HOUR, nextRunAt: t })));
    const byHost = new Map<string, number>();
    let mostOnSame = 0;
    let mostOverall = 0;
    let running = 0;
    const check = async (watch: Watch) => {
      const host = new URL(watch.target.startsWith('http') ? watch.target : `https://${watch.target}`).host;
      byHost.set(host, (byHost.get(host) ?? 0) + 1);
      running += 1;
      mostOnSame = Math.max(mostOnSame, byHost.get('same.cn') ?? 0);
      mostOverall = Math.max(mostOverall, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
      byHost.set(host, (byHost.get(host) ?? 1) - 1);
      return reportFor(watch.target, 'pass');
    };
    const summary = await scheduler({ check, sink: collectingSink().sink }).round();
    expect(summary.checked).toBe(7);
    expect(mostOnSame).toBe(1);
    expect(mostOverall).toBeGreaterThan(1);
  });

  it('goes on when the sink fails, telling onError, and a check that throws counts as inconclusive', async () => {
    const t = clock.now();
    await store.watches.put([
      { target: 'bad.cn', everyMs: HOUR, nextRunAt: t },
      { target: 'throws.cn', everyMs: HOUR, nextRunAt: t },
    ]);
    const errors: string[] = [];
    const check = async (watch: Watch) => {
      if (watch.target === 'throws.cn') throw new Error('socket hang up');
      return reportFor(watch.target, 'fail');
    };
    const sink = { alert: async () => Promise.reject(new Error('Slack is down')) };
    const summary = await roundWithRechecks(
      scheduler({ check, sink, onError: (_e, context) => errors.push(context) }),
      clock,
    );
    expect(summary).toMatchObject({ checked: 3, alerts: 0 });
    expect(errors).toEqual(['sending the regression alert for bad.cn']);
    const [thrown] = await store.watches.history('throws.cn');
    expect(thrown?.verdict).toBe('inconclusive');
    expect(thrown?.findings[0]?.message).toContain('socket hang up');
  });

  it('deletes history past the retention setting', async () => {
    const t = clock.now();
    await store.watches.put([{ target: 'old.cn', everyMs: HOUR, nextRunAt: t }]);
    const { check } = scriptedChecks({});
    const s = createScheduler(
      { store: store.watches, now: clock.now, sleep: clock.sleep, check, sink: collectingSink().sink },
      { holder: 'r', retentionMs: 2 * HOUR },
    );
    await s.round();
    await clock.advance(3 * HOUR);
    await s.round();
    expect((await store.watches.history('old.cn')).map((r) => r.at)).toEqual([clock.now()]);
  });

  it('ticks every tickMs once started, and stops', async () => {
    const t = clock.now();
    await store.watches.put([{ target: 'tick.cn', everyMs: 5 * MINUTE, nextRunAt: t }]);
    const { check, checked } = scriptedChecks({});
    const s = scheduler({ check, sink: collectingSink().sink });
    s.start();
    await clock.settled();
    expect(checked).toHaveLength(1);
    for (let i = 0; i < 12; i += 1) {
      await clock.advance(MINUTE);
      await clock.settled();
    }
    // Twelve minutes of one-minute ticks: the 5-minute watch (±30 s) ran two or three more times.
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(checked.length).toBeLessThanOrEqual(4);
    await s.stop();
    const before = checked.length;
    await clock.advance(10 * MINUTE);
    expect(checked).toHaveLength(before);
  });
});

describe('scheduler under a real short interval (SQLite)', () => {
  let place: TestPlace;
  let store: Store;
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('re-checks a watch every 100 ms on the real clock until stopped', async () => {
    place = await createTestPlace('sqlite');
    store = await createStore(place);
    await store.watches.put([{ target: 'fast.cn', everyMs: 100, nextRunAt: Date.now() }]);
    const { check, checked } = scriptedChecks({});
    const s = createScheduler(
      { store: store.watches, check, sink: collectingSink().sink, now: Date.now, sleep: realSleep },
      { holder: 'real', tickMs: 20 },
    );
    s.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await s.stop();
    const runs = await store.watches.history('fast.cn');
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBe(checked.length);
    const gaps = runs.slice(1).map((r, i) => r.at - (runs[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(85);
  });
});

describe.each(ENGINES)('two replicas on %s', (engine) => {
  let place: TestPlace;
  let stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await place?.dispose();
  });

  it('check each due site exactly once between them', async () => {
    place = await createTestPlace(engine);
    stores = [await createStore(place), await createStore(place)];
    const [one, two] = stores as [Store, Store];
    const now = Date.now();
    await one.watches.put(
      Array.from({ length: 60 }, (_, i) => ({ target: `r${i}.cn`, everyMs: HOUR, nextRunAt: now })),
    );
    const seen: string[] = [];
    const check = async (watch: Watch) => {
      seen.push(watch.target);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return reportFor(watch.target, 'pass');
    };
    const make = (store: Store, holder: string) =>
      createScheduler(
        { store: store.watches, check, sink: collectingSink().sink, now: Date.now, sleep: realSleep },
        { holder, concurrency: 4 },
      );
    const [a, b] = await Promise.all([make(one, 'A').round(), make(two, 'B').round()]);
    expect(a.checked + b.checked).toBe(60);
    expect(a.checked).toBeGreaterThan(0);
    expect(b.checked).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(60);
    expect(seen).toHaveLength(60);
  });
});
