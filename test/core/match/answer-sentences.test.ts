import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { createRanker } from '../../../src/core/match/create-matcher.js';
import { DEFAULT_MATCH_OPTIONS } from '../../../src/core/match/options.js';
import { answerSentences, buildTermIndex } from '../../../src/core/match/term-index.js';
import { FIXTURE_KB, makeEntry, makeKnowledgeBase } from './knowledge-fixture.js';

const withAnswer = (entry: Entry, answer: string): Entry => ({ ...entry, answer });

// Two entries a question reaches through the same title words; only one answer says the situation in one sentence.
const together = withAnswer(
  makeEntry('together', '网站访问异常怎么办', ['网站访问异常']),
  '如果接入商的提示页面还在，说明解析没有生效。其他情况请联系客服。',
);
const scattered = withAnswer(
  makeEntry('scattered', '网站访问异常的原因', ['网站访问异常原因']),
  '接入商会定期检查。提示会发到邮箱。页面改版不影响。解析记录请自行维护。',
);

describe('answerSentences', () => {
  it('cuts an answer at Chinese and Western sentence ends and line breaks', () => {
    expect(answerSentences('第一句。第二句！\n- item one\n\nDone. Next: here')).toEqual([
      '第一句',
      '第二句',
      '- item one',
      'Done.',
      'Next:',
      'here',
    ]);
  });
});

describe('buildTermIndex with answer sentences', () => {
  it('keeps the same answer postings whether or not the sentences are kept', () => {
    const entries = FIXTURE_KB.entries.map((e, i) =>
      withAnswer(e, `第${i}条：备案号被注销后，网站会被阻断。Check the MIIT lookup; then refile.\n- 联系接入商`),
    );
    const plain = buildTermIndex(entries, { ...DEFAULT_MATCH_OPTIONS, answerSentences: false });
    const kept = buildTermIndex(entries, { ...DEFAULT_MATCH_OPTIONS, answerSentences: true });
    const postings = (m: ReadonlyMap<string, Int32Array>) => [...m].map(([t, p]) => `${t}:${[...p]}`).sort();
    expect(postings(kept.answerPostings)).toEqual(postings(plain.answerPostings));
    expect(plain.sentenceTerms).toHaveLength(0);
    expect(kept.sentenceTerms).toHaveLength(entries.length);
    expect(kept.sentenceStart[0]?.length).toBe(5); // four sentences (。 ; and the line break cut it) and the end
  });
});

describe('the answer-sentence evidence (Candidate.sentence)', () => {
  it('is larger for an answer that says the message words in one sentence than for one that scatters them', () => {
    const rank = createRanker(makeKnowledgeBase([together, scattered]), {}, true);
    const ranked = rank('网站访问异常，还是接入商的提示页面，解析没生效吗', 2);
    const share = (id: string) => ranked.find((c) => [together, scattered][c.entry]?.id === id)?.sentence ?? 0;
    expect(share('together')).toBeGreaterThan(0);
    expect(share('together')).toBeGreaterThan(share('scattered'));
  });

  it('counts nothing for an entry described by its answer already (a title-only entry)', () => {
    const titleOnly = withAnswer(makeEntry('title-only', '网站访问异常怎么办', []), together.answer);
    const rank = createRanker(makeKnowledgeBase([titleOnly]), {}, true);
    expect(rank('网站访问异常，还是接入商的提示页面', 1)[0]?.sentence).toBe(0);
  });
});
