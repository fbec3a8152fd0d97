import { describe, expect, it } from 'vitest';
import { findStaleEntries, isPastDue, reviewDue } from '../../../src/core/knowledge/freshness.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';
import { makeEntry, makeKnowledgeBase } from '../match/knowledge-fixture.js';

const entry = (id: string, reviewed: string, more: { owner?: string; reviewEvery?: number } = {}) => ({
  ...makeEntry(id, `${id}?`, ['q']),
  reviewed,
  ...more,
});

describe('review dates', () => {
  it.each([
    ['the default of 180 days', entry('a', '2026-01-01'), '2026-06-30'],
    ["the entry's own review_every", entry('a', '2026-01-01', { reviewEvery: 30 }), '2026-01-31'],
    ['across a leap day', entry('a', '2028-02-01', { reviewEvery: 30 }), '2028-03-02'],
  ])('%s', (_name, e, due) => {
    expect(reviewDue(e)).toBe(due);
    expect(isPastDue(e, due)).toBe(false);
    const next = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(isPastDue(e, next)).toBe(true);
  });

  it('lists entries past due, most overdue first, with owners', () => {
    const kb = makeKnowledgeBase([
      entry('fresh', '2026-11-01'),
      entry('old', '2026-01-01', { owner: '<@U0OWNER1>' }),
      entry('older', '2025-06-01', { reviewEvery: 90, owner: '<!subteam^S0TEAM01>' }),
    ]);
    expect(findStaleEntries(kb, '2026-12-02')).toEqual([
      {
        entryId: 'older',
        title: 'older?',
        file: 'older.md',
        owner: '<!subteam^S0TEAM01>',
        reviewed: '2025-06-01',
        due: '2025-08-30',
        daysOverdue: 459,
      },
      {
        entryId: 'old',
        title: 'old?',
        file: 'old.md',
        owner: '<@U0OWNER1>',
        reviewed: '2026-01-01',
        due: '2026-06-30',
        daysOverdue: 155,
      },
    ]);
  });
});

const file = (extra: string) => `---
id: x
topic: t
tags: [a]
source:
  title: S
  url: https://example.com/s
reviewed: 2026-05-01
${extra}
---

# Q?

## Questions
- q

## Answer

A.
`;

describe('owner and review_every in front matter', () => {
  it.each([
    ['owner: "<@U0123ABCD>"\nreview_every: 90', { owner: '<@U0123ABCD>', reviewEvery: 90 }],
    ['owner: "<!subteam^S0123ABCD|@icp-team>"', { owner: '<!subteam^S0123ABCD|@icp-team>', reviewEvery: 180 }],
    ['owner: "@小王"', { owner: '@小王', reviewEvery: 180 }],
    ['owner: <@W0123ABCD>', { owner: '<@W0123ABCD>', reviewEvery: 180 }],
  ])('accepts %s', (extra, expected) => {
    const { entry, problems } = parseKnowledgeFile(file(extra), 'x.md', { today: '2026-06-01' });
    expect(problems).toEqual([]);
    expect(entry).toMatchObject(expected);
  });

  it('takes the knowledge base default when the entry sets none', () => {
    const { entry } = parseKnowledgeFile(file(''), 'x.md', { today: '2026-06-01', reviewEveryDays: 60 });
    expect(entry?.reviewEvery).toBe(60);
    expect(entry).not.toHaveProperty('owner');
  });

  it.each([
    ['owner: bob', 9, 'owner must be a Slack user or user group: <@U0123ABCD>, <!subteam^S0123ABCD> or @name'],
    ['review_every: 0', 9, 'review_every must be at least 1 day'],
    ['review_every: 1.5', 9, 'review_every must be a whole number of days, e.g. 90'],
    ['review_every: soon', 9, 'review_every must be a whole number of days, e.g. 90'],
    ['owner: 12', 9, 'owner must be a Slack user or user group written in quotes, e.g. owner: "<@U0123ABCD>"'],
  ])('rejects %s with its line', (extra, line, message) => {
    const { entry, problems } = parseKnowledgeFile(file(extra), 'x.md', { today: '2026-06-01' });
    expect(entry).toBeNull();
    expect(problems).toEqual([{ file: 'x.md', line, message }]);
  });
});
