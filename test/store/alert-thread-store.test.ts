import { describe, expect, it } from 'vitest';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

describe.each(ENGINES)('alert thread store on %s', (engine) => {
  let clock = 1_000;
  const t = useTestStore(engine, () => clock);

  it('finds the thread an incident was posted to, per conversation, and nothing for another incident', async () => {
    await t.store.alertThreads.remember('a.cn', 500, { channel: 'C0ALERTS1', ts: '1700000001.000100' });
    await t.store.alertThreads.remember('a.cn', 500, { channel: 'U0OWNER01', ts: '1700000002.000100' });
    expect(await t.store.alertThreads.find('a.cn', 500, 'C0ALERTS1')).toEqual({
      channel: 'C0ALERTS1',
      ts: '1700000001.000100',
    });
    expect(await t.store.alertThreads.find('a.cn', 500, 'U0OWNER01')).toMatchObject({ ts: '1700000002.000100' });
    expect(await t.store.alertThreads.find('a.cn', 501, 'C0ALERTS1')).toBeNull();
    expect(await t.store.alertThreads.find('b.cn', 500, 'C0ALERTS1')).toBeNull();
  });

  it('replaces the thread when the same incident is posted again', async () => {
    await t.store.alertThreads.remember('a.cn', 500, { channel: 'C0ALERTS1', ts: '1700000009.000100' });
    expect(await t.store.alertThreads.find('a.cn', 500, 'C0ALERTS1')).toMatchObject({ ts: '1700000009.000100' });
  });

  it('prunes threads posted before a time', async () => {
    clock = 5_000;
    await t.store.alertThreads.remember('c.cn', 4_000, { channel: 'C0ALERTS1', ts: '1700000010.000100' });
    expect(await t.store.alertThreads.prune(2_000)).toBe(2);
    expect(await t.store.alertThreads.find('a.cn', 500, 'C0ALERTS1')).toBeNull();
    expect(await t.store.alertThreads.find('c.cn', 4_000, 'C0ALERTS1')).not.toBeNull();
  });
});
