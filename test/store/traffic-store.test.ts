import { describe, expect, it } from 'vitest';
import type { TrafficEvent } from '../../src/core/learn/traffic.js';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

describe.each(ENGINES)('traffic log on %s', (engine) => {
  const t = useTestStore(engine);

  it('keeps questions with what was shown and picks, and reads them back oldest first', async () => {
    const asked: TrafficEvent = {
      kind: 'asked',
      at: '2026-11-02T10:00:00.000Z',
      user: 'U1',
      channel: 'C1',
      thread: 'C1:1.0',
      question: '备案号 会过期吗',
      answeredEntryId: null,
      confidence: 0.42,
      suggestionIds: ['validity-period', 'why-cancelled'],
    };
    const picked: TrafficEvent = {
      kind: 'picked',
      at: '2026-11-02T10:01:00.000Z',
      user: 'U1',
      channel: 'C1',
      thread: 'C1:1.0',
      entryId: 'validity-period',
    };
    const answered: TrafficEvent = {
      ...asked,
      at: '2026-11-03T09:00:00.000Z',
      channel: null,
      thread: null,
      answeredEntryId: 'validity-period',
      confidence: 0.9,
      suggestionIds: [],
    };
    await t.store.traffic.record(picked);
    await t.store.traffic.record(asked);
    await t.store.traffic.record(answered);
    expect(await t.store.traffic.events()).toEqual([asked, picked, answered]);
    expect(await t.store.traffic.events('2026-11-03T00:00:00.000Z')).toEqual([answered]);
  });
});
