import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import {
  type Evaluation,
  evaluateMatcher,
  type LabelledQuestion,
  parseLabelledQuestions,
} from '../../src/core/match/evaluate.js';
import { BUNDLED_DIR, loadBundledAndImported } from './imported-kb.js';

// The gates of issue 7. Where the matcher does not reach the issue's threshold yet, the gate is the measured figure
// (a regression floor) and the comment names the target; issue 7 stays open until the targets hold.

async function readSet(name: string): Promise<LabelledQuestion[]> {
  return parseLabelledQuestions(await readFile(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));
}

function refused(e: Evaluation, style: string): number {
  const s = e.styles.find((x) => x.style === style);
  return s === undefined ? 0 : s.refused / s.questions;
}

function confusionList(e: Evaluation): string {
  const lines = e.confusions.map(
    (c) =>
      `[${c.style}] ${c.expected ?? 'none'} → ${c.got ?? `refused (best ${c.best ?? '-'})`} ${c.confidence}: ${c.question}`,
  );
  return `top-1 ${e.top1.toFixed(3)}, wrong ${e.wrongAnswerRate.toFixed(3)}\n${lines.join('\n')}`;
}

describe('Slack-style questions on the bundled knowledge base (slack-dev.jsonl)', () => {
  let dev: Evaluation;

  beforeAll(async () => {
    dev = evaluateMatcher(createMatcher(await loadKnowledgeBase(BUNDLED_DIR)), await readSet('./slack-dev.jsonl'));
  });

  // Target 90%. Measured 90.9% (100/110 since 一般 and 什么样 are question words; 90.0% since a "how long" question is
  // matched by what it asks how long of, 90.9% before; 89.1% before 'whats' read as what's, 88.2% before 算是 read as "counts as", 87.3% before "take care of" read as handling, 86.4% before a dictionary word beginning with a preposition yielded to the word
  // inside it, 85.5% before long messages were also measured by their question part, 84.5%
  // before the dictionary named situations described without their key term, 83.6% before the calibration was
  // refitted with the field vocabulary, 63% before issue 7's matcher work).
  it('answers at least 90% of in-scope questions with the right entry', () => {
    expect(dev.top1, confusionList(dev)).toBeGreaterThanOrEqual(0.9);
  });

  it('answers at most 3% of in-scope questions with another entry', () => {
    expect(dev.wrongAnswerRate, confusionList(dev)).toBeLessThanOrEqual(0.03);
  });

  it('refuses at least 95% of in-domain questions no entry answers', () => {
    expect(refused(dev, 'in-domain-unknown'), confusionList(dev)).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses at least 95% of questions from neighbouring fields', () => {
    expect(refused(dev, 'off-topic'), confusionList(dev)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a knowledge base with imported title-only entries (bundled + test/fixtures/imported-kb)', () => {
  let kb: KnowledgeBase;
  let paraphrases: Evaluation;
  let existing: Evaluation;
  let existingTune: Evaluation;

  beforeAll(async () => {
    kb = await loadBundledAndImported();
    const matcher = createMatcher(kb);
    paraphrases = evaluateMatcher(matcher, await readSet('./imported-paraphrases.jsonl'));
    const questions = await readSet('./questions.jsonl');
    existing = evaluateMatcher(matcher, questions);
    existingTune = evaluateMatcher(
      matcher,
      questions.filter((q) => q.split === 'tune'),
    );
  });

  // Target 80%. Measured 86.25% (85% before this sitting's dictionary words of the engineer's checks, 83.75% before 没收到 and its like read as not received, 82.5% before calibratedRanking, 81.25% before 没下来 read as pending, 80% before 停机 and 空号 read as no longer in use, 77.5% before 接着用 and 再次使用 read as reusing, 76.25% before 没过 read as not approved; 72.5% before the English of the providers' FAQ vocabulary in the lexicon; 70% with
  // answerAlternates 4, 68.75% with answerAlternates 3, 63.75% before relativePhraseCounts, 61.25% before
  // fewAlternatesCoverage, 57.5% before the field vocabulary of the providers' help centres, 28.7% before issue 7's
  // matcher work); English questions against Chinese-only imported entries are most of the misses.
  it('answers at least 86.25% of paraphrases of imported entries with the right entry', () => {
    expect(paraphrases.top1, confusionList(paraphrases)).toBeGreaterThanOrEqual(69 / 80 - 1e-9);
  });

  // Target 5%. Measured 5% (4/80) once 停机 and 空号 read as no longer in use; 6.25% (5/80) with every matching branch merged (the English vocabulary alone measured 5% on
  // the code before the question-part view and the missing concept; 7.5% before relativePhraseCounts; 8.75% before the
  // field vocabulary; 7.5% before issue 7, when far fewer were answered).
  it('answers at most 5% of paraphrases of imported entries with another entry', () => {
    expect(paraphrases.wrongAnswerRate, confusionList(paraphrases)).toBeLessThanOrEqual(0.05);
  });

  // The floors of eval.test.ts, kept with the imported entries loaded beside the bundled ones (all: measured 90.6%).
  it('still answers at least 95% of the tune split of questions.jsonl and 90% of all of it', () => {
    expect(existingTune.top1, confusionList(existingTune)).toBeGreaterThanOrEqual(0.95);
    expect(existing.top1, confusionList(existing)).toBeGreaterThanOrEqual(0.9);
  });

  // Some out-of-scope questions of questions.jsonl (review time, first-filing topics) are answered by imported
  // entries now, rightly; what must not change is that the bundled entries keep out of them.
  it('still keeps the bundled entries out of at least 90% of the out-of-scope questions of questions.jsonl', () => {
    const bundled = new Set(kb.entries.filter((e) => e.file.startsWith('bundled/')).map((e) => e.id));
    const intruded = existing.confusions.filter((c) => c.expected === null && c.got !== null && bundled.has(c.got));
    expect(1 - intruded.length / existing.outOfScope, confusionList(existing)).toBeGreaterThanOrEqual(0.9);
  });
});

// The engineer's own checks (test/eval/README.md, engineer-checks.jsonl): phrasings of the imported entries, written
// against their titles, and situations over the bundled ones; the dictionary was grown while reading their misses, so
// they are tuned on and measure nothing. The floor keeps that vocabulary from being lost.
describe("the engineer's checks", () => {
  // Measured 612 of 762 in scope right (near-duplicate providers' entries count as wrong: how-filing / filing-18), 69
  // wrong. Of the 24 questions no entry answers, 16 refused. The 4 December batches' short in-domain questions are
  // answered by an imported entry that shares all but one word (美国的服务器要备案吗 by 无云服务器如何备案 at 0.85, "can
  // a foreign company get an ICP filing" by 国外域名需要备案吗, 企业备案和个人备案能同时有吗 by 个人注册账号是否可以给公司
  // 备案) or whose answer names the rest (备案需要准备哪些材料 by 是否一定要用备案授权码备案, whose answer says 需准备), and
  // two off-topic ones by an entry that names their subject ("renew my SSL certificate before it expires" by the validity
  // entry at 0.61, "how do I get a business license in Shanghai" by the public-security entry, whose materials include
  // the licence); and, of the last batch, "how long does the public security registration take to approve?" by the
  // public-security entry (whose "how long" is a deadline after launch) at 0.996 and "how do I set up HTTPS on nginx" by
  // the DNS entry. Kept as written.
  it('answers at least 612 of 762 right, at most 69 with another entry, and at most 8 it cannot answer', async () => {
    const checks = evaluateMatcher(
      createMatcher(await loadBundledAndImported()),
      await readSet('./engineer-checks.jsonl'),
    );
    expect(checks.inScope).toBe(762);
    expect(checks.counts.right, confusionList(checks)).toBeGreaterThanOrEqual(612);
    expect(checks.counts.wrong, confusionList(checks)).toBeLessThanOrEqual(69);
    expect(checks.counts.answeredOut, confusionList(checks)).toBeLessThanOrEqual(8);
  });
});

// The sets written blind to the matcher (test/eval/README.md). Regression floors at the measured figures; a failure
// prints the figures only, not the questions, so the holdout halves are not read one by one.
describe('the sets written blind to the matcher', () => {
  const figures = (e: Evaluation) => `top-1 ${e.top1.toFixed(4)}, wrong ${e.wrongAnswerRate.toFixed(4)}`;
  let more: Evaluation;
  let situations: Evaluation;
  let importedMore: Evaluation;

  beforeAll(async () => {
    const bundled = createMatcher(await loadKnowledgeBase(BUNDLED_DIR));
    more = evaluateMatcher(bundled, await readSet('./slack-more.jsonl'));
    situations = evaluateMatcher(bundled, await readSet('./slack-situations.jsonl'));
    importedMore = evaluateMatcher(
      createMatcher(await loadBundledAndImported()),
      await readSet('./imported-more.jsonl'),
    );
  });

  // Measured 94/100 in scope, none answered with another entry.
  it('slack-more: at least 94% right, no in-scope question answered with another entry', () => {
    expect(more.top1, figures(more)).toBeGreaterThanOrEqual(0.94);
    expect(more.wrongAnswerRate, figures(more)).toBe(0);
  });

  // Measured 34/67 in scope, 4 answered with another entry (32 before 批下来 read as approved and "registration" as the
  // filing; 30 and 5 before the dictionary words of the engineer's checks of the sitting before; 29 and 4 before the spelling corrector left English words alone: one more right and one more
  // wrong here, one wrong fewer on imported-more); the issue's goal for situations is that they are answered.
  it('slack-situations: at least 34 of 67 right, at most 4 answered with another entry', () => {
    expect(situations.top1, figures(situations)).toBeGreaterThanOrEqual(34 / 67 - 1e-9);
    expect(situations.wrongAnswerRate, figures(situations)).toBeLessThanOrEqual(4 / 67 + 1e-9);
  });

  // Target 80% right and 5% wrong (issue 7 §5). Measured 43/62 right (40/62 before this sitting's dictionary words of
  // the engineer's checks, 39/62 before 正常使用 read as reachable, 36/62 before priorOnlyThreshold and 咋回事, 33/62
  // before calibratedRanking, 35/62 before 对不对 read as asking whether it is right), 2 answered with another entry
  // (4 before this sitting, 5 before 正常使用, 6 before the spelling corrector left English words alone, 11 and 7
  // before that).
  it('imported-more: at least 43 of 62 right, at most 2 answered with another entry', () => {
    expect(importedMore.top1, figures(importedMore)).toBeGreaterThanOrEqual(43 / 62 - 1e-9);
    expect(importedMore.wrongAnswerRate, figures(importedMore)).toBeLessThanOrEqual(2 / 62 + 1e-9);
  });
});
