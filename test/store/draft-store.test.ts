import { describe, expect, it } from 'vitest';
import type { SavedDraft } from '../../src/store/draft-store.js';
import { ENGINES } from './helpers/databases.js';
import { useTestStore } from './helpers/use-test-store.js';

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
  const t = useTestStore(engine);

  it('keeps drafts whole and lists them oldest first', async () => {
    const later = draft('b-draft', '2026-12-02T00:00:00.000Z');
    const earlier = { ...draft('a-draft', '2026-12-01T00:00:00.000Z'), channel: null, messageTs: null };
    expect(await t.store.drafts.save(later)).toBe('saved');
    expect(await t.store.drafts.save(earlier)).toBe('saved');
    expect(await t.store.drafts.list()).toEqual([earlier, later]);
    expect((await t.store.drafts.ids()).sort()).toEqual(['a-draft', 'b-draft']);
  });

  it('lets exactly one of ten simultaneous saves of an id win', async () => {
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.store.drafts.save({ ...draft('race', '2026-12-03T00:00:00.000Z'), user: `U${i}` }),
      ),
    );
    expect(saves.filter((s) => s === 'saved')).toHaveLength(1);
    expect((await t.store.drafts.list()).filter((d) => d.id === 'race')).toHaveLength(1);
  });
});
