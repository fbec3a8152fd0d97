import { describe, expect, it } from 'vitest';
import { decideMatch, leadOf, lengthFeature } from '../../../src/core/match/decide-match.js';
import type { Candidate } from '../../../src/core/match/score-entries.js';
import { FIXTURE_KB, makeEntry, makeKnowledgeBase } from './knowledge-fixture.js';

const OPTIONS = {
  answerThreshold: 0.5,
  minMargin: 0.1,
  marginWeight: 0,
  minCoverage: 0.5,
  suggestThreshold: 0.2,
  maxSuggestions: 3,
};
const entries = FIXTURE_KB.entries;
const c = (entry: number, confidence: number, coverage = 1): Candidate => ({ entry, confidence, coverage });

describe('decideMatch', () => {
  it.each([
    ['confident, clear lead, covered', [c(0, 0.8), c(1, 0.3)], true],
    ['below the threshold', [c(0, 0.45), c(1, 0.1)], false],
    ['exactly at the threshold', [c(0, 0.5), c(1, 0.1)], true],
    ['too close to the runner-up', [c(0, 0.8), c(1, 0.75)], false],
    ['alone (no runner-up) and confident', [c(0, 0.6)], true],
    ['confident but most of the question is elsewhere', [c(0, 0.8, 0.3), c(1, 0.2)], false],
  ])('%s → answered %s', (_name, ranked, answered) => {
    expect(decideMatch('q', ranked, entries, OPTIONS).answered).toBe(answered);
  });

  it('asks a smaller share of the question to be covered by an entry with few alternate questions', () => {
    const titleOnly = makeKnowledgeBase([
      makeEntry('t', '备案授权码是否可以重复使用？', []),
      makeEntry('u', '其他', []),
    ]).entries;
    const ranked = [c(0, 0.8, 0.4), c(1, 0.2)];
    const options = { ...OPTIONS, answerAlternates: 3 };
    expect(decideMatch('q', ranked, titleOnly, { ...options, fewAlternatesCoverage: 0.75 }).answered).toBe(true);
    expect(decideMatch('q', ranked, titleOnly, { ...options, fewAlternatesCoverage: 1 }).answered).toBe(false);
    // Entries with many alternates keep the whole bar.
    expect(decideMatch('q', ranked, entries, { ...options, fewAlternatesCoverage: 0.75 }).answered).toBe(false);
  });

  describe.each([
    ['a clear winner under the threshold', [c(0, 0.45), c(1, 0.05)], true],
    ['a close call at the same confidence', [c(0, 0.45), c(1, 0.33)], false],
    ['a tie well above the threshold', [c(0, 0.7), c(1, 0.6)], true],
  ])('with marginWeight 0.5 and no minimum margin, %s', (_name, ranked, answered) => {
    it(`answers ${answered}`, () => {
      const options = { ...OPTIONS, minMargin: 0, marginWeight: 0.5 };
      expect(decideMatch('q', ranked, entries, options).answered).toBe(answered);
    });
  });

  it('suggests the runners-up after the best when answered', () => {
    const r = decideMatch('q', [c(0, 0.9), c(1, 0.5), c(2, 0.3), c(3, 0.1)], entries, OPTIONS);
    expect(r.best?.id).toBe('cancel-filing');
    expect(r.suggestions.map((s) => s.id)).toEqual(['validity', 'certificate']);
  });

  it('suggests the plausible candidates, best first, when not answered', () => {
    const r = decideMatch('q', [c(3, 0.45), c(4, 0.44), c(0, 0.3), c(1, 0.25)], entries, OPTIONS);
    expect(r.answered).toBe(false);
    expect(r.best?.id).toBe('shell-entity');
    expect(r.suggestions.map((s) => s.id)).toEqual(['shell-entity', 'shell-site', 'cancel-filing']);
  });

  describe('a best entry ranked first by its prior (score-entries.ts, rankKey)', () => {
    const lead = { ...OPTIONS, minMargin: 0 };
    // Entry 2 scores 0.7 raw and entry 0 0.75, but entry 0's prior puts it second.
    const ranked = [{ ...c(2, 0.7), prior: 0 }, { ...c(0, 0.75), prior: -0.1 }, c(1, 0.3)];

    it('leads by its raw score over every other candidate, so it is offered first but not answered', () => {
      expect(leadOf(ranked)).toBeCloseTo(-0.05, 10);
      const r = decideMatch('q', ranked, entries, lead);
      expect(r.answered).toBe(false);
      expect(r.suggestions.map((s) => s.id)).toEqual(['certificate', 'cancel-filing', 'validity']);
    });

    it('is answered when its raw score leads too, even if a lower candidate beats the runner-up', () => {
      // The third candidate (0.72 raw) outscores the second (0.6): the lead is over it.
      const agreeing = [{ ...c(2, 0.8), prior: 0 }, { ...c(0, 0.6), prior: 0.1 }, c(1, 0.72)];
      expect(leadOf(agreeing)).toBeCloseTo(0.08, 10);
      expect(decideMatch('q', agreeing, entries, lead).answered).toBe(true);
    });

    it('is answered all the same when its confidence reaches priorOnlyThreshold', () => {
      // Without a calibration the confidence is the raw score, 0.7.
      expect(decideMatch('q', ranked, entries, { ...lead, priorOnlyThreshold: 0.65 }).answered).toBe(true);
      expect(decideMatch('q', ranked, entries, { ...lead, priorOnlyThreshold: 0.75 }).answered).toBe(false);
      // A lead of 0 or more that is still short of minMargin is not rescued by it.
      const close = [c(2, 0.7), c(0, 0.65)];
      const strict = { ...OPTIONS, priorOnlyThreshold: 0.6 };
      expect(decideMatch('q', close, entries, strict).answered).toBe(false);
    });
  });

  it('offers nothing below the suggestion threshold', () => {
    const r = decideMatch('q', [c(0, 0.15), c(1, 0.1)], entries, OPTIONS);
    expect(r).toMatchObject({ answered: false, confidence: 0.15, suggestions: [] });
    expect(r.best?.id).toBe('cancel-filing');
  });

  it('returns no best entry when there is no candidate', () => {
    expect(decideMatch('q', [], entries, OPTIONS)).toEqual({
      question: 'q',
      answered: false,
      confidence: 0,
      best: null,
      suggestions: [],
    });
  });

  describe('with a calibration', () => {
    const calibration = { intercept: -6, score: 10, coverage: 0, margin: 0, length: 0, alternates: 0 };
    const options = { ...OPTIONS, minMargin: 0, calibration };

    it('reports the modelled chance of being right and answers on it', () => {
      const r = decideMatch('q', [c(0, 0.8), c(1, 0.3)], entries, options);
      expect(r.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 3);
      expect(r.answered).toBe(true);
      expect(decideMatch('q', [c(0, 0.55), c(1, 0.5)], entries, options).answered).toBe(false);
    });

    it('never reports a suggestion as likelier than the best entry', () => {
      const r = decideMatch('q', [c(0, 0.5), c(1, 0.49), c(2, 0.3)], entries, options);
      expect(r.answered).toBe(false);
      expect(r.suggestions[0]?.id).toBe('cancel-filing');
      for (const s of r.suggestions) expect(s.confidence).toBeLessThanOrEqual(r.confidence);
    });

    it('grows with the length of the message when the model says so', () => {
      const long = { ...options, calibration: { ...calibration, length: 1 } };
      const short = decideMatch('q', [c(0, 0.5)], entries, long).confidence;
      expect(decideMatch('q'.repeat(200), [c(0, 0.5)], entries, long).confidence).toBeGreaterThan(short);
    });

    it('stops growing with the length of the message at lengthCap', () => {
      const capped = { ...options, calibration: { ...calibration, length: 1, lengthCap: 1 } };
      const at = decideMatch('q'.repeat(90), [c(0, 0.5)], entries, capped).confidence;
      expect(decideMatch('q'.repeat(400), [c(0, 0.5)], entries, capped).confidence).toBe(at);
      expect(decideMatch('q'.repeat(60), [c(0, 0.5)], entries, capped).confidence).toBeLessThan(at);
      expect(lengthFeature('q'.repeat(400), 1)).toBe(1);
      expect(lengthFeature('q'.repeat(400))).toBeCloseTo(Math.log(400 / 30), 10);
    });

    it.each([
      ['agrees', { agrees: 1 }],
      ['questionShare', { questionShare: 0.8 }],
      ['absent', { absent: 0.4 }],
      ['missing', { missingConcept: 0.5 }],
      ['sentence', { sentence: 0.5 }],
    ] as const)('weighs the candidate feature %s by its coefficient', (name, feature) => {
      const weighted = { ...options, calibration: { ...calibration, [name]: 2 } };
      const without = decideMatch('q', [c(0, 0.5)], entries, weighted).confidence;
      const withIt = decideMatch('q', [{ ...c(0, 0.5), ...feature }], entries, weighted).confidence;
      expect(withIt).toBeGreaterThan(without);
      // A coefficient of 0 (the default) leaves the confidence as it was.
      expect(decideMatch('q', [{ ...c(0, 0.5), ...feature }], entries, options).confidence).toBe(without);
    });
  });
});
