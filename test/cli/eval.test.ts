import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEvaluation } from '../../src/cli/eval-action.js';
import type { Evaluation } from '../../src/core/match/evaluate.js';
import { runBeian } from './run-beian.js';

const evaluation = (top1: number, confusions: Evaluation['confusions'] = []): Evaluation => ({
  questions: 3,
  inScope: 2,
  outOfScope: 1,
  top1,
  wrongAnswerRate: 0.5 - top1 / 2,
  mrr: 0.75,
  offeredWhenRefused: 0.5,
  reached: 0.75,
  rejection: 1,
  falseAnswerRate: 0,
  counts: { right: top1 * 2, wrong: 1 - top1, offered: 0, refusedOut: 1, answeredOut: 0 },
  styles: [
    { style: 'typo', inScope: true, questions: 2, right: top1 * 2, wrong: 0, refused: 2 - top1 * 2 },
    { style: 'off-topic', inScope: false, questions: 1, right: 1, wrong: 0, refused: 1 },
  ],
  reliability: [
    { from: 0, to: 0.5, questions: 2, answered: 0, right: 1, meanConfidence: 0.3 },
    { from: 0.5, to: 1, questions: 1, answered: 1, right: 1, meanConfidence: 0.9 },
  ],
  ece: 0.1,
  confusions,
});

describe('formatEvaluation', () => {
  const text = formatEvaluation(
    'holdout',
    evaluation(0.5, [{ question: '备案号', expected: 'a', style: 'typo', got: null, best: 'b', confidence: 0.3 }]),
    evaluation(0),
  );

  it.each([
    ['the split and counts', 'split holdout: 3 questions (2 in scope, 1 out of scope)'],
    ['both matchers side by side', 'top-1 accuracy                       50.0%      0.0%'],
    ['the wrong-answer rate', 'wrong-answer rate (in scope)         25.0%     50.0%'],
    ['the refusal rate of each group no entry answers', 'refused: off-topic                  100.0%    100.0%'],
    ['figures per style for both', 'typo       1/2 50.0% (0 wrong)       0/2 0.0% (0 wrong)'],
    ['a reliability band, the last one closed', '[0.5, 1.0]                   1/1    100.0%        0.90'],
    ['the calibration error', 'expected calibration error (ECE, band-weighted): 0.100'],
    ['a confusion with its best candidate', 'a → (refused)  [best b 0.30]  备案号'],
  ])('shows %s', (_name, line) => {
    expect(text).toContain(line);
  });

  it('prints only how many were missed when the questions must not be read', () => {
    const missed = evaluation(0.5, [
      { question: '备案号', expected: 'a', style: 'typo', got: null, best: 'b', confidence: 0.3 },
    ]);
    const figuresOnly = formatEvaluation('holdout', missed, evaluation(0), undefined, false);
    expect(figuresOnly).toContain('1 confusions, not printed (--no-confusions)');
    expect(figuresOnly).not.toContain('备案号');
    expect(figuresOnly).toContain('top-1 accuracy');
  });

  it('names the bar when answers are re-decided at a threshold', () => {
    expect(formatEvaluation('all', evaluation(1), evaluation(0), 0.75)).toContain(
      'split all: 3 questions (2 in scope, 1 out of scope), answering only at confidence ≥ 0.75',
    );
  });
});

describe('beian eval', () => {
  let file: string;
  let slackFile: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'beian-eval-'));
    file = join(dir, 'questions.jsonl');
    const lines = [
      { question: '什么是空壳网站', expected: 'what-is-shell-site', split: 'tune' },
      { question: '今天天气怎么样', expected: null, split: 'holdout' },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    slackFile = join(dir, 'slack.jsonl');
    const slack = [
      { q: '什么是空壳网站', want: 'what-is-shell-site', style: 'terse' },
      { q: '今天天气怎么样', want: null, style: 'off-topic' },
    ];
    await writeFile(slackFile, slack.map((l) => JSON.stringify(l)).join('\n'));
  });

  it('prints JSON figures for the matcher and plain fuse.js', async () => {
    const run = await runBeian(['eval', file, '--json', '--split', 'all']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { matcher: Evaluation; baseline: Evaluation };
    expect(out.matcher).toMatchObject({ questions: 2, top1: 1, rejection: 1 });
    expect(out.baseline.questions).toBe(2);
  });

  it('reads the Slack format and prints figures per style', async () => {
    const run = await runBeian(['eval', slackFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/refused: off-topic\s+100\.0%/);
    expect(run.stdout).toMatch(/\n {2}terse\s+1\/1 100\.0% \(0 wrong\)/);
    expect(run.stdout).toContain('expected calibration error');
  });

  it('--no-confusions keeps the count, not the questions, in JSON too', async () => {
    const run = await runBeian(['eval', slackFile, '--json', '--threshold', '1', '--no-confusions']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('空壳网站');
    const out = JSON.parse(run.stdout) as { matcher: { confusions: number } };
    expect(out.matcher.confusions).toBe(1);
  });

  it('re-decides at --threshold: at 1 nothing short of certainty is answered', async () => {
    const run = await runBeian(['eval', slackFile, '--json', '--threshold', '1']);
    const out = JSON.parse(run.stdout) as { threshold: number; matcher: Evaluation };
    expect(out.threshold).toBe(1);
    expect(out.matcher.confusions.every((c) => c.got === null)).toBe(true);
    expect(out.matcher.rejection).toBe(1);
  });

  it.each([
    ['an unknown split', ['--split', 'everything'], '--split'],
    ['a threshold out of range', ['--threshold', '2'], '--threshold must be a number from 0 to 1, not "2"'],
    ['a threshold that is not a number', ['--threshold', 'high'], '--threshold must be a number from 0 to 1'],
  ])('refuses %s with a usage error', async (_name, args, message) => {
    const run = await runBeian(['eval', file, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('says so when a split selects no questions', async () => {
    const run = await runBeian(['eval', slackFile, '--split', 'holdout']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no questions in split holdout');
  });

  it('names the file and line of a bad question', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'beian-eval-')), 'bad.jsonl');
    await writeFile(bad, '{"q":"a","want":null,"style":"terse"}\n{"q":"b"}\n');
    const run = await runBeian(['eval', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: line 2:`);
    expect(run.stderr).not.toContain('    at ');
  });
});
