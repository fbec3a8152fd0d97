import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionKey } from '../../../src/core/knowledge/parse-knowledge-file.js';
import { oneLine } from '../../../src/core/learn/suggest.js';
import { askedText } from '../../../src/core/match/read-message.js';
import { type LoopResult, runLearningLoop } from './learning-loop.js';

describe.each(['slack-more.jsonl', 'questions.jsonl'])('the learning loop on %s', (set) => {
  let loop: LoopResult;
  beforeAll(async () => {
    loop = await runLearningLoop(set);
  });
  afterAll(() => rm(dirname(loop.copy), { recursive: true, force: true }));

  it('learns alternates from the replayed traffic and the copy still lints', () => {
    expect(loop.report.alternates.length).toBeGreaterThan(0);
    expect(loop.changedFiles.length).toBeGreaterThan(0);
    const added = loop.after.entries.reduce((n, e) => n + e.questions.length, 0);
    const was = loop.before.entries.reduce((n, e) => n + e.questions.length, 0);
    expect(added - was).toBe(loop.report.alternates.length);
  });

  it('adds only questions asked in the tune split, each to the entry it was labelled with', () => {
    // An alternate is what the message asks (askedText), without its greeting and context.
    const key = (question: string) => questionKey(oneLine(askedText(question)));
    const tune = new Map(loop.tune.map((q) => [key(q.question), q.expected]));
    const holdout = new Set(loop.holdout.map((q) => key(q.question)));
    for (const entry of loop.after.entries) {
      const old = new Set(loop.before.byId.get(entry.id)?.questions.map(questionKey));
      for (const q of entry.questions.filter((x) => !old.has(questionKey(x)))) {
        expect(tune.get(questionKey(q)), q).toBe(entry.id);
        expect(holdout.has(questionKey(q)), q).toBe(false);
      }
    }
  });

  // One question of slack-more's 49 may move: since a long message is also measured by its question part
  // (create-matcher.ts, the view), a learned alternate that shares words with another entry's question can make that
  // question's part rank its neighbour first, and the message is then refused (43 → 42 of 49 on slack-more; nothing
  // else moved). Wrong answers may not rise at all.
  it('does not raise wrong answers, nor lower top-1 by more than one question, on the holdout split', () => {
    const { holdoutBefore: b, holdoutAfter: a } = loop;
    expect(Math.round(a.top1 * a.inScope)).toBeGreaterThanOrEqual(Math.round(b.top1 * b.inScope) - 1);
    expect(a.wrongAnswerRate).toBeLessThanOrEqual(b.wrongAnswerRate);
  });
});
