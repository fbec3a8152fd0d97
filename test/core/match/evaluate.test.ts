import { describe, expect, it } from 'vitest';
import { createBaselineMatcher } from '../../../src/core/match/create-baseline-matcher.js';
import {
  evaluateMatcher,
  type LabelledQuestion,
  parseLabelledQuestions,
  styleOf,
} from '../../../src/core/match/evaluate.js';
import type { Matcher, MatchResult } from '../../../src/core/match/types.js';
import { FIXTURE_KB } from './knowledge-fixture.js';

type Script = Record<string, [answered: boolean, best: string | null, suggestions: string[], confidence?: number]>;

// A scripted matcher: question → [answered, best id, suggestion ids, confidence (default 0.9 answered, 0.1 not)].
function scripted(script: Script): Matcher {
  return {
    match(question: string): MatchResult {
      const [answered, bestId, suggestionIds, confidence] = script[question] ?? [false, null, []];
      return {
        question,
        answered,
        confidence: confidence ?? (answered ? 0.9 : 0.1),
        best: bestId === null ? null : (FIXTURE_KB.byId.get(bestId) ?? null),
        suggestions: suggestionIds.map((id) => ({ id, title: id, confidence: 0.5 })),
      };
    },
  };
}

const q = (question: string, expected: string | null, style?: string): LabelledQuestion => ({
  question,
  expected,
  split: 'tune',
  ...(style === undefined ? {} : { style }),
});

describe('evaluateMatcher', () => {
  const questions = [
    q('right', 'validity'),
    q('second', 'validity'),
    q('refused', 'validity'),
    q('wrong', 'validity'),
    q('oos refused', null),
    q('oos answered', null),
  ];
  const matcher = scripted({
    right: [true, 'validity', []],
    second: [true, 'certificate', ['validity']],
    refused: [false, 'shell-site', ['shell-site', 'cancel-filing', 'validity']],
    wrong: [true, 'certificate', []],
    'oos answered': [true, 'certificate', []],
  });
  const e = evaluateMatcher(matcher, questions);

  it.each([
    ['questions', e.questions, 6],
    ['in scope', e.inScope, 4],
    ['out of scope', e.outOfScope, 2],
    ['top-1', e.top1, 1 / 4],
    ['wrong-answer rate (in scope)', e.wrongAnswerRate, 2 / 4],
    ['MRR', e.mrr, (1 + 1 / 2 + 1 / 3 + 0) / 4],
    // One in-scope question refused ('refused'), its entry among the suggestions.
    ['offered when refused', e.offeredWhenRefused, 1],
    ['answered right or offered', e.reached, 2 / 4],
    ['rejection', e.rejection, 1 / 2],
    ['false-answer rate', e.falseAnswerRate, 3 / 6],
  ])('counts %s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 10);
  });

  it('gives the counts the ratios are made of', () => {
    expect(e.counts).toEqual({ right: 1, wrong: 2, offered: 1, refusedOut: 1, answeredOut: 1 });
  });

  it('counts a refusal as offered only when the expected entry is among its suggestions', () => {
    const refusals = evaluateMatcher(
      scripted({
        offered: [false, 'shell-site', ['shell-site', 'validity']],
        bare: [false, 'shell-site', ['shell-site']],
        right: [true, 'validity', []],
      }),
      [q('offered', 'validity'), q('bare', 'validity'), q('right', 'validity')],
    );
    expect(refusals.offeredWhenRefused).toBe(1 / 2);
    expect(refusals.reached).toBe(2 / 3);
  });

  it('lists every question it got wrong, with what it got', () => {
    expect(e.confusions.map((c) => [c.question, c.expected, c.got])).toEqual([
      ['second', 'validity', 'certificate'],
      ['refused', 'validity', null],
      ['wrong', 'validity', 'certificate'],
      ['oos answered', null, 'certificate'],
    ]);
  });

  it('measures the plain fuse.js baseline the same way: an exact alternate is answered, nonsense refused', () => {
    const baseline = evaluateMatcher(createBaselineMatcher(FIXTURE_KB), [
      q('what is a shell site', 'shell-site'),
      q('zzzzqqqq', null),
    ]);
    expect(baseline).toMatchObject({ top1: 1, rejection: 1, falseAnswerRate: 0 });
  });
});

describe('evaluateMatcher per style', () => {
  const questions = [
    q('u1', null, 'in-domain-unknown'),
    q('t1', 'validity', 'typo'),
    q('t2', 'validity', 'typo'),
    q('t3', 'validity', 'typo'),
    q('u2', null, 'in-domain-unknown'),
    q('o1', null, 'off-topic'),
  ];
  const e = evaluateMatcher(
    scripted({
      t1: [true, 'validity', []],
      t2: [true, 'certificate', []],
      u1: [true, 'certificate', []],
    }),
    questions,
  );

  it('counts right, wrong and refused per style, in-scope styles first, each kind in order of appearance', () => {
    expect(e.styles).toEqual([
      { style: 'typo', inScope: true, questions: 3, right: 1, wrong: 1, refused: 1 },
      // For questions no entry answers, refusing is right.
      { style: 'in-domain-unknown', inScope: false, questions: 2, right: 1, wrong: 1, refused: 1 },
      { style: 'off-topic', inScope: false, questions: 1, right: 1, wrong: 0, refused: 1 },
    ]);
  });

  it('names the style of each confusion', () => {
    expect(e.confusions.map((c) => [c.question, c.style])).toEqual([
      ['u1', 'in-domain-unknown'],
      ['t2', 'typo'],
      ['t3', 'typo'],
    ]);
  });

  it.each([
    [{ question: 'a', expected: 'x', style: 'terse' }, 'terse'],
    [{ question: 'a', expected: 'x', lang: 'en' }, 'en'],
    [{ question: 'a', expected: 'x' }, 'in-scope'],
    [{ question: 'a', expected: null, lang: 'zh' }, 'out-of-scope'],
  ] as const)('groups %o as %s (the old format puts all unanswerable questions in one group)', (question, style) => {
    expect(styleOf(question)).toBe(style);
  });
});

describe('evaluateMatcher calibration', () => {
  // Confidences chosen so each band's figures can be worked out by hand.
  const questions = [
    q('a', 'validity'), // 0.95, right
    q('b', 'validity'), // 0.92, wrong entry
    q('c', 'validity'), // 0.55, right but refused: still right as top candidate
    q('d', null), // 0.58, answered: never right
    q('e', null), // 0.05, refused
  ];
  const matcher = scripted({
    a: [true, 'validity', [], 0.95],
    b: [true, 'certificate', [], 0.92],
    c: [false, 'validity', [], 0.55],
    d: [true, 'certificate', [], 0.58],
    e: [false, 'certificate', [], 0.05],
  });
  const e = evaluateMatcher(matcher, questions);
  const band = (from: number) => e.reliability.find((b) => b.from === from);

  it('has ten bands of 0.1 from 0 to 1', () => {
    expect(e.reliability.map((b) => [b.from, b.to])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10]),
    );
  });

  it('counts questions, answers and right top candidates per band', () => {
    expect(band(0.9)).toMatchObject({ questions: 2, answered: 2, right: 1 });
    expect(band(0.9)?.meanConfidence).toBeCloseTo(0.935, 10);
    expect(band(0.5)).toMatchObject({ questions: 2, answered: 1, right: 1 });
    expect(band(0)).toMatchObject({ questions: 1, answered: 0, right: 0 });
    expect(band(0.3)).toMatchObject({ questions: 0, answered: 0, right: 0, meanConfidence: 0 });
  });

  it('weighs each band’s gap between share right and mean confidence by its share of questions', () => {
    const expected = (2 / 5) * Math.abs(0.5 - 0.935) + (2 / 5) * Math.abs(0.5 - 0.565) + (1 / 5) * Math.abs(0 - 0.05);
    expect(e.ece).toBeCloseTo(expected, 10);
  });

  it('puts a confidence of exactly 1 in the last band', () => {
    const top = evaluateMatcher(scripted({ x: [true, 'validity', [], 1] }), [q('x', 'validity')]);
    expect(top.reliability.at(-1)).toMatchObject({ questions: 1, right: 1 });
    expect(top.ece).toBe(0);
  });

  it('re-decides at a higher bar: answers below it count as refused', () => {
    const strict = evaluateMatcher(matcher, questions, { minConfidence: 0.9 });
    expect(strict.confusions.map((c) => [c.question, c.got])).toEqual([
      ['b', 'certificate'],
      ['c', null],
    ]);
    expect(strict.rejection).toBe(1);
    expect(band(0.5)?.answered).toBe(1);
    expect(strict.reliability.find((b) => b.from === 0.5)?.answered).toBe(0);
    // The confidences themselves do not change, so neither does the calibration error.
    expect(strict.ece).toBeCloseTo(e.ece, 10);
  });
});

describe('parseLabelledQuestions', () => {
  it('reads JSON Lines and skips blank lines', () => {
    const text =
      '{"question":"a","expected":"x","split":"tune","lang":"en"}\n\n{"question":"b","expected":null,"split":"holdout"}\n';
    expect(parseLabelledQuestions(text)).toEqual([
      { question: 'a', expected: 'x', split: 'tune', lang: 'en' },
      { question: 'b', expected: null, split: 'holdout' },
    ]);
  });

  it('reads the Slack format (q, want, style, optional split), also mixed with the other', () => {
    const text = [
      '{"q":"备案号是啥","want":"what-is-icp-number","style":"terse"}',
      '{"q":"SSL证书","want":null,"style":"off-topic","split":"holdout"}',
      '{"question":"c","expected":null,"split":"tune"}',
    ].join('\n');
    expect(parseLabelledQuestions(text)).toEqual([
      { question: '备案号是啥', expected: 'what-is-icp-number', style: 'terse' },
      { question: 'SSL证书', expected: null, style: 'off-topic', split: 'holdout' },
      { question: 'c', expected: null, split: 'tune' },
    ]);
  });

  it.each([
    ['not JSON', '{"question":', /line 2: not a JSON object/],
    ['an array', '["a"]', /line 2: not a JSON object/],
    ['a missing split', '{"question":"a","expected":null}', /line 2: .*split/s],
    ['a missing want', '{"q":"a","style":"terse"}', /line 2: .*want/s],
    ['a missing style', '{"q":"a","want":null}', /line 2: .*style/s],
    ['an empty q', '{"q":"","want":null,"style":"terse"}', /line 2: .*q must not be empty/s],
    ['an unknown split', '{"q":"a","want":null,"style":"terse","split":"dev"}', /line 2: .*split/s],
    ['neither format', '{"text":"a"}', /line 2: .*"q","want","style"/s],
  ])('names the line of %s', (_name, line, message) => {
    expect(() => parseLabelledQuestions(`{"q":"ok","want":null,"style":"terse"}\n${line}`)).toThrow(message);
  });
});
