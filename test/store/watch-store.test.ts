import { describe, expect, it } from 'vitest';
import { type CheckRun, INITIAL_STATE } from '../../src/core/watch/types.js';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

const run = (target: string, at: number, verdict: CheckRun['verdict'] = 'pass'): CheckRun => ({
  target,
  at,
  verdict,
  icp: '京ICP备05004398号-1',
  publicSecurity: null,
  findings: [{ rule: 'icp-link', severity: 'warning', message: 'the number does not link to beian.miit.gov.cn' }],
  recheck: false,
  finalUrl: `https://${target}/`,
});

describe.each(ENGINES)('watch store on %s', (engine) => {
  let clock = 1_000_000;
  const t = useTestStore(engine, () => clock);

  it('adds watches, updates them on a second put, and lists them by target', async () => {
    const first = await t.store.watches.put([
      { target: 'b.cn', everyMs: 60_000, nextRunAt: 5, owner: '@bob' },
      { target: 'a.cn', everyMs: 3_600_000, nextRunAt: 7, expect: '京ICP备05004398号-1' },
    ]);
    expect(first).toEqual({ added: 2, updated: 0 });
    const second = await t.store.watches.put([{ target: 'b.cn', everyMs: 120_000, nextRunAt: 999 }]);
    expect(second).toEqual({ added: 0, updated: 1 });
    const all = await t.store.watches.list();
    expect(all.map((w) => [w.target, w.everyMs, w.nextRunAt, w.owner, w.expect])).toEqual([
      ['a.cn', 3_600_000, 7, undefined, '京ICP备05004398号-1'],
      // An update changes the settings, not the schedule.
      ['b.cn', 120_000, 5, undefined, undefined],
    ]);
    expect(all[0]?.state).toEqual(INITIAL_STATE);
    expect(all[0]?.createdAt).toBe(clock);
  });

  it('puts all of a batch or, when one row fails, none of it', async () => {
    const bad = { target: 'c.cn', everyMs: Number.NaN, nextRunAt: 1 } as never;
    await expect(t.store.watches.put([{ target: 'd.cn', everyMs: 60_000, nextRunAt: 1 }, bad])).rejects.toThrow();
    expect(await t.store.watches.get('d.cn')).toBeNull();
  });

  it('leases due watches once across fifty simultaneous leasers, and not again until the lease expires', async () => {
    await t.store.watches.put(
      Array.from({ length: 30 }, (_, i) => ({ target: `lease${i}.cn`, everyMs: 60_000, nextRunAt: 100 + i })),
    );
    const options = { dueBy: 1_000, now: clock, limit: 10, ttlMs: 60_000 };
    const batches = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.store.watches.leaseDue(`holder-${i}`, options)),
    );
    const leased = batches.flat().map((w) => w.target);
    expect(new Set(leased).size).toBe(leased.length);
    // a.cn and b.cn are due too (next run 7 and 5): every due watch is leased exactly once.
    const again = await t.store.watches.leaseDue('late', { ...options, limit: 100 });
    expect(new Set([...leased, ...again.map((w) => w.target)]).size).toBe(32);
    expect(await t.store.watches.leaseDue('later', { ...options, limit: 100 })).toEqual([]);
    const expired = await t.store.watches.leaseDue('after-expiry', { ...options, now: clock + 60_000, limit: 100 });
    expect(expired).toHaveLength(32);
  });

  it('records a check only for the lease holder, moves the next run and frees the lease', async () => {
    await t.store.watches.put([{ target: 'h.cn', everyMs: 60_000, nextRunAt: 0 }]);
    const [watch] = await t.store.watches.leaseDue('me', { dueBy: 0, now: clock, limit: 1, ttlMs: 60_000 });
    expect(watch?.target).toBe('h.cn');
    const state = { ...INITIAL_STATE, recheckPending: true };
    expect(await t.store.watches.complete('someone-else', run('h.cn', 10), { state, nextRunAt: 5_000 })).toBe(false);
    expect(await t.store.watches.complete('me', run('h.cn', 10), { state, nextRunAt: 5_000 })).toBe(true);
    const after = await t.store.watches.get('h.cn');
    expect(after?.nextRunAt).toBe(5_000);
    expect(after?.state.recheckPending).toBe(true);
    expect(await t.store.watches.history('h.cn')).toEqual([run('h.cn', 10)]);
    const free = await t.store.watches.leaseDue('other', { dueBy: 5_000, now: clock, limit: 100, ttlMs: 1 });
    expect(free.map((w) => w.target)).toContain('h.cn');
  });

  it('reads history oldest first, limited to the latest rows, and prunes by age', async () => {
    await t.store.watches.put([{ target: 'hist.cn', everyMs: 60_000, nextRunAt: 0 }]);
    for (let i = 1; i <= 5; i += 1) {
      const [w] = await t.store.watches
        .leaseDue('me', { dueBy: Number.MAX_SAFE_INTEGER, now: clock, limit: 100, ttlMs: 1 })
        .then((ws) => ws.filter((x) => x.target === 'hist.cn'));
      expect(w).toBeDefined();
      await t.store.watches.complete('me', run('hist.cn', i * 1000, i % 2 ? 'pass' : 'fail'), {
        state: INITIAL_STATE,
        nextRunAt: 0,
      });
      clock += 10;
    }
    expect((await t.store.watches.history('hist.cn', { limit: 2 })).map((r) => r.at)).toEqual([4000, 5000]);
    expect((await t.store.watches.history('hist.cn', { since: 3000 })).map((r) => r.verdict)).toEqual([
      'pass',
      'fail',
      'pass',
    ]);
    expect(await t.store.watches.pruneHistory(3000)).toBeGreaterThanOrEqual(2);
    expect((await t.store.watches.history('hist.cn')).map((r) => r.at)).toEqual([3000, 4000, 5000]);
  });

  it('mutes and unmutes, makes watches due now, and removes a watch with its history', async () => {
    expect(await t.store.watches.mute('hist.cn', 123_456)).toBe(true);
    expect((await t.store.watches.get('hist.cn'))?.mutedUntil).toBe(123_456);
    expect(await t.store.watches.mute('hist.cn', null)).toBe(true);
    expect((await t.store.watches.get('hist.cn'))?.mutedUntil).toBeUndefined();
    expect(await t.store.watches.mute('nobody.cn', 1)).toBe(false);
    await t.store.watches.put([{ target: 'later.cn', everyMs: 60_000, nextRunAt: 9_999_999 }]);
    expect(await t.store.watches.makeDue(50, 'later.cn')).toBe(1);
    expect((await t.store.watches.get('later.cn'))?.nextRunAt).toBe(50);
    expect(await t.store.watches.remove('hist.cn')).toBe(true);
    expect(await t.store.watches.remove('hist.cn')).toBe(false);
    expect(await t.store.watches.history('hist.cn')).toEqual([]);
  });
});
