import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEvaluation } from '../../src/cli/eval.js';
import type { Evaluation } from '../../src/core/match/evaluate.js';
import { runBeian } from './run-beian.js';

const evaluation = (top1: number, confusions: Evaluation['confusions'] = []): Evaluation => ({
  questions: 3,
  inScope: 2,
  outOfScope: 1,
  top1,
  mrr: 0.75,
  rejection: 1,
  falseAnswerRate: 0,
  confusions,
});

describe('formatEvaluation', () => {
  const text = formatEvaluation(
    'holdout',
    evaluation(0.5, [{ question: '备案号', expected: 'a', got: null, best: 'b', confidence: 0.3 }]),
    evaluation(0),
  );

  it.each([
    ['the split and counts', 'split holdout: 3 questions (2 in scope, 1 out of scope)'],
    ['both matchers side by side', 'top-1 accuracy               50.0%      0.0%'],
    ['a confusion with its best candidate', 'a → (refused)  [best b 0.30]  备案号'],
  ])('shows %s', (_name, line) => {
    expect(text).toContain(line);
  });
});

describe('beian eval', () => {
  let file: string;

  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'beian-eval-')), 'questions.jsonl');
    const lines = [
      { question: '什么是空壳网站', expected: 'what-is-shell-site', split: 'tune' },
      { question: '今天天气怎么样', expected: null, split: 'holdout' },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  });

  it('prints JSON figures for the matcher and plain fuse.js', async () => {
    const run = await runBeian(['eval', file, '--json', '--split', 'all']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { matcher: Evaluation; baseline: Evaluation };
    expect(out.matcher).toMatchObject({ questions: 2, top1: 1, rejection: 1 });
    expect(out.baseline.questions).toBe(2);
  });

  it('refuses an unknown split with a usage error', async () => {
    const run = await runBeian(['eval', file, '--split', 'everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--split');
  });
});
