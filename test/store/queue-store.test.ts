import { describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import type { QueueResult } from '../../src/store/ports.js';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

const report = (target: string, verdict: FooterReport['verdict'] = 'pass'): FooterReport => ({
  target,
  url: `https://${target}/`,
  finalUrl: `https://${target}/`,
  verdict,
  icp: null,
  publicSecurity: null,
  findings: [{ rule: 'icp-number', severity: 'error', message: 'no ICP number' }],
  redirects: [],
  otherNumbers: [],
  rendered: false,
});

const result = (batch: string, index: number, target: string): QueueResult => ({
  batch,
  index,
  state: 'done',
  report: report(target),
  at: new Date(1_700_000_000_000 + index).toISOString(),
});

describe.each(ENGINES)('queue store on %s', (engine) => {
  let clock = 1_000_000;
  const t = useTestStore(engine, () => clock);

  it('returns a batch’s results in index order from where the reader is, whatever order they were saved in', async () => {
    for (const index of [3, 0, 2, 1])
      await t.store.queue.saveResult(result('b1', index, `site${index}.cn`), 'beian-queue');
    await t.store.queue.saveResult(result('other', 0, 'elsewhere.cn'), 'beian-queue');
    const all = await t.store.queue.results('b1', 0, 100);
    expect(all.map((r) => [r.index, r.report.target])).toEqual([
      [0, 'site0.cn'],
      [1, 'site1.cn'],
      [2, 'site2.cn'],
      [3, 'site3.cn'],
    ]);
    expect(all[0]?.report).toEqual(report('site0.cn'));
    expect((await t.store.queue.results('b1', 2, 1)).map((r) => r.index)).toEqual([2]);
  });

  it('keeps a job saved twice once, in its results and in the footer-check history', async () => {
    const before = (await t.store.records()).filter((r) => r.kind === 'footer-check').length;
    await t.store.queue.saveResult(result('twice', 0, 'again.cn'), 'beian-queue');
    await t.store.queue.saveResult({ ...result('twice', 0, 'again.cn'), state: 'dead' }, 'beian-queue');
    const saved = await t.store.queue.results('twice', 0, 10);
    expect(saved.map((r) => r.state)).toEqual(['done']);
    const history = (await t.store.records()).filter((r) => r.kind === 'footer-check');
    expect(history.length).toBe(before + 1);
    expect(history.filter((r) => r.kind === 'footer-check' && r.target === 'again.cn')).toEqual([
      expect.objectContaining({ user: 'beian-queue', verdict: 'pass', icp: null }),
    ]);
  });

  it('lets one holder at a time have a host, and the next only after the interval', async () => {
    const limits = { holdMs: 30_000, intervalMs: 1_000 };
    expect(await t.store.queue.leaseHost('a.cn', 'w1', limits)).toBe(0);
    // Busy: the other worker is told to look again soon, not given the host.
    expect(await t.store.queue.leaseHost('a.cn', 'w2', limits)).toBeGreaterThan(0);
    expect(await t.store.queue.leaseHost('b.cn', 'w2', limits)).toBe(0);
    await t.store.queue.releaseHost('a.cn', 'w1', limits.intervalMs);
    clock += 400;
    expect(await t.store.queue.leaseHost('a.cn', 'w2', limits)).toBe(600);
    clock += 600;
    expect(await t.store.queue.leaseHost('a.cn', 'w2', limits)).toBe(0);
  });

  it('counts the interval from the end of a check too, so a request that began late is still spaced', async () => {
    const limits = { holdMs: 30_000, intervalMs: 1_000 };
    expect(await t.store.queue.leaseHost('slow.cn', 'w1', limits)).toBe(0);
    // The check took 700 ms (its request may have started only near its end): the next waits a full interval.
    clock += 700;
    await t.store.queue.releaseHost('slow.cn', 'w1', limits.intervalMs);
    clock += 300;
    expect(await t.store.queue.leaseHost('slow.cn', 'w2', limits)).toBe(700);
    clock += 700;
    expect(await t.store.queue.leaseHost('slow.cn', 'w2', limits)).toBe(0);
  });

  it('frees a host whose holder died once the lease lapses, and ignores a release by someone else', async () => {
    const limits = { holdMs: 5_000, intervalMs: 0 };
    expect(await t.store.queue.leaseHost('dead.cn', 'gone', limits)).toBe(0);
    await t.store.queue.releaseHost('dead.cn', 'not-the-holder', limits.intervalMs);
    expect(await t.store.queue.leaseHost('dead.cn', 'w3', limits)).toBeGreaterThan(0);
    clock += 5_000;
    expect(await t.store.queue.leaseHost('dead.cn', 'w3', limits)).toBe(0);
  });
});
