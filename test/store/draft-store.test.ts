import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { SavedDraft } from '../../src/store/draft-store.js';
import type { Store } from '../../src/store/ports.js';
import { createTestPlace, ENGINES, type TestPlace } from './helpers/databases.js';

const draft = (id: string, at: string): SavedDraft => ({
  id,
  title: `${id}？`,
  questions: ['another way', '中文问法'],
  answer: 'answer **bold**',
  topic: 'after-filing',
  tags: ['备案', 'filing'],
  source: { title: 'Slack thread', url: 'https://test.slack.com/archives/C1/p1' },
  at,
  user: 'U1',
  channel: 'C1',
  messageTs: '1.1',
});

describe.each(ENGINES)('draft store on %s', (engine) => {
  let place: TestPlace;
  let store: Store;
  beforeAll(async () => {
    place = await createTestPlace(engine);
    store = await createStore(place);
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });

  it('keeps drafts whole and lists them oldest first', async () => {
    const later = draft('b-draft', '2026-12-02T00:00:00.000Z');
    const earlier = { ...draft('a-draft', '2026-12-01T00:00:00.000Z'), channel: null, messageTs: null };
    expect(await store.drafts.save(later)).toBe('saved');
    expect(await store.drafts.save(earlier)).toBe('saved');
    expect(await store.drafts.list()).toEqual([earlier, later]);
    expect((await store.drafts.ids()).sort()).toEqual(['a-draft', 'b-draft']);
  });

  it('lets exactly one of ten simultaneous saves of an id win', async () => {
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.drafts.save({ ...draft('race', '2026-12-03T00:00:00.000Z'), user: `U${i}` }),
      ),
    );
    expect(saves.filter((s) => s === 'saved')).toHaveLength(1);
    expect((await store.drafts.list()).filter((d) => d.id === 'race')).toHaveLength(1);
  });
});
