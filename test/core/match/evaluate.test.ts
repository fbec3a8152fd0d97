import { describe, expect, it } from 'vitest';
import { createBaselineMatcher } from '../../../src/core/match/create-baseline-matcher.js';
import { evaluateMatcher, type LabelledQuestion, parseLabelledQuestions } from '../../../src/core/match/evaluate.js';
import type { Matcher, MatchResult } from '../../../src/core/match/types.js';
import { FIXTURE_KB } from './knowledge-fixture.js';

// A scripted matcher: question → [answered, best id, suggestion ids].
function scripted(script: Record<string, [boolean, string | null, string[]]>): Matcher {
  return {
    match(question: string): MatchResult {
      const [answered, bestId, suggestionIds] = script[question] ?? [false, null, []];
      return {
        question,
        answered,
        confidence: answered ? 0.9 : 0.1,
        best: bestId === null ? null : (FIXTURE_KB.byId.get(bestId) ?? null),
        suggestions: suggestionIds.map((id) => ({ id, title: id, confidence: 0.5 })),
      };
    },
  };
}

const q = (question: string, expected: string | null): LabelledQuestion => ({ question, expected, split: 'tune' });

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
    ['MRR', e.mrr, (1 + 1 / 2 + 1 / 3 + 0) / 4],
    ['rejection', e.rejection, 1 / 2],
    ['false-answer rate', e.falseAnswerRate, 3 / 6],
  ])('counts %s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 10);
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

describe('parseLabelledQuestions', () => {
  it('reads JSON Lines and skips blank lines', () => {
    const text =
      '{"question":"a","expected":"x","split":"tune","lang":"en"}\n\n{"question":"b","expected":null,"split":"holdout"}\n';
    expect(parseLabelledQuestions(text)).toEqual([
      { question: 'a', expected: 'x', split: 'tune', lang: 'en' },
      { question: 'b', expected: null, split: 'holdout' },
    ]);
  });

  it.each([
    ['not JSON', '{"question":'],
    ['a missing split', '{"question":"a","expected":null}'],
  ])('names the line of %s', (_name, line) => {
    expect(() => parseLabelledQuestions(`\n${line}`)).toThrow(/line 2/);
  });
});
