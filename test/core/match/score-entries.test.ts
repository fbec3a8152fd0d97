import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_OPTIONS } from '../../../src/core/match/options.js';
import { createScorer } from '../../../src/core/match/score-entries.js';
import { buildTermIndex } from '../../../src/core/match/term-index.js';
import { makeEntry } from './knowledge-fixture.js';

// A title-only entry (its title is its one question, as `beian kb import` leaves it) beside one with many alternates.
const titleOnly = makeEntry('title-only', '授权码可以借给朋友吗', ['授权码可以借给朋友吗'], ['授权码']);
const written = makeEntry(
  'written',
  '备案号会过期吗',
  ['备案号有期限吗', '备案号多久过期', '备案号要年审吗', '备案号长期有效吗', '备案号失效了怎么办'],
  ['有效期'],
);

function coverageOf(question: string[], relativePhraseCounts: boolean, entry: string): number {
  const entries = [titleOnly, written];
  const options = { ...DEFAULT_MATCH_OPTIONS, relativePhraseCounts };
  const index = buildTermIndex(entries, options);
  const terms = new Map(question.map((t) => [t, index.idf.get(t) ?? 0]));
  const found = createScorer(index, options)(terms, 2).find((c) => entries[c.entry]?.id === entry);
  return found?.coverage ?? 0;
}

describe('createScorer: relativePhraseCounts', () => {
  it("counts a title-only entry's own title words in full, measured against the phrases it has", () => {
    // 借给, 给朋, 朋友: used by the title and the question (2 of 3 phrases, tags being the third): 2/3 of their weight before.
    const words = ['借给', '给朋', '朋友'];
    expect(coverageOf(words, false, 'title-only')).toBeLessThan(0.7);
    expect(coverageOf(words, true, 'title-only')).toBeGreaterThan(0.85);
  });

  it('leaves entries with enough alternate questions as they were', () => {
    const words = ['~number', '~expiry'];
    expect(coverageOf(words, true, 'written')).toBeGreaterThan(0.5);
    expect(coverageOf(words, true, 'written')).toBeCloseTo(coverageOf(words, false, 'written'), 10);
  });
});
