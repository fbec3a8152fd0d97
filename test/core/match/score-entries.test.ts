import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/core/match/analyse-text.js';
import { DEFAULT_MATCH_OPTIONS } from '../../../src/core/match/options.js';
import { type Candidate, createScorer, rankKey } from '../../../src/core/match/score-entries.js';
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

describe('createScorer: entry priors', () => {
  const entries = [titleOnly, written];
  const index = buildTermIndex(entries, DEFAULT_MATCH_OPTIONS);
  const terms = new Map(analyseText('授权码 备案号 过期').map((t) => [t, index.idf.get(t) ?? 0]));
  const ids = (cs: readonly Candidate[]) => cs.map((c) => entries[c.entry]?.id);

  it('ranks by confidence plus the prior, and keeps the raw confidence', () => {
    const plain = createScorer(index, DEFAULT_MATCH_OPTIONS)(terms, 2);
    const [first, second] = plain;
    if (first === undefined || second === undefined) throw new Error('both entries should score');
    const gap = first.confidence - second.confidence;
    // A prior worth more than the gap on the runner-up puts it first; its confidence stays what it scored.
    const priors = new Float64Array(2);
    priors[second.entry] = 0;
    priors[first.entry] = -(gap + 0.01);
    const ranked = createScorer(index, DEFAULT_MATCH_OPTIONS, priors)(terms, 2);
    expect(ids(ranked)).toEqual(ids([second, first]));
    expect(ranked.map((c) => c.confidence)).toEqual([second.confidence, first.confidence]);
    expect(ranked.map(rankKey)).toEqual([second.confidence, first.confidence - gap - 0.01]);
  });

  it('still finds the best by rank key when it asks for one candidate only (the bound counts the prior)', () => {
    const [first, second] = createScorer(index, DEFAULT_MATCH_OPTIONS)(terms, 2);
    if (first === undefined || second === undefined) throw new Error('both entries should score');
    // Raised by its prior, the runner-up must be scored although its bound alone is below the first's confidence.
    const priors = new Float64Array(2);
    priors[second.entry] = 1;
    expect(ids(createScorer(index, DEFAULT_MATCH_OPTIONS, priors)(terms, 1))).toEqual(ids([second]));
  });
});
