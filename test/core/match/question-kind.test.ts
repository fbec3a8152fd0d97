import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/knowledge/types.js';
import { analyseText } from '../../../src/core/match/analyse-text.js';
import {
  type AskedKinds,
  countsFromAsked,
  durationAnchor,
  durationSubject,
  kindMismatch,
  questionKinds,
  readEntries,
} from '../../../src/core/match/question-kind.js';
import { foldText } from '../../../src/core/text/fold-text.js';

describe('questionKinds', () => {
  it.each([
    ['备案审核要多久', ['duration']],
    ['How long does approval take?', ['duration']],
    ['为啥我的备案被注销了', ['why']],
    ['why was my filing cancelled', ['why']],
    ['公安备案去哪办', ['where']],
    ['where do I download the certificate', ['where']],
    ['个人备案和公司备案有什么区别', ['difference']],
    ['shell entity vs shell site', ['difference']],
    ["what's the difference between a filing and a licence", ['difference']],
    // "Does it have to match" asks whether, not how two things differ.
    ['网站内容要跟备案写的一样吗', []],
    ['什么是空壳网站', []],
    ['how do I cancel a filing', []],
  ])('%s', (text, kinds) => {
    expect([...questionKinds(text)].sort()).toEqual(kinds);
  });

  it('reads traditional characters too', () => {
    expect([...questionKinds('審核要多長時間')]).toEqual(['duration']);
  });
});

const entry = (title: string, questions: string[]): Entry => ({
  id: 'x',
  title,
  questions,
  topic: 't',
  tags: [],
  answer: '',
  source: { title: '', url: '' },
  reviewed: '2026-01-01',
  file: 'x.md',
  line: 1,
});

describe('durationSubject', () => {
  const subject = (text: string) => analyseText(durationSubject(foldText(text)));

  it.each([
    // The moment a duration counts from is not what it measures.
    ['how long does the beian data take to sync after approval', ['~icp', '~sync', 'data']],
    ['备案通过后多久能访问', ['~reach']],
    ['备案成功 多久以后能访问', ['~reach']],
    ['备案过了 页面还被拦 要等几天', ['~page', '拦']],
    // Without an anchor, what takes time is what is asked about.
    ['how long does approval take', ['~approved']],
    ['how long until the filing is approved', ['~icp', '~approved']],
    ['备案通过要多久', ['~icp', '~approved']],
    ['变更备案要在多久内完成', ['~change', '~icp', '在']],
  ])('%s', (text, terms) => {
    expect(subject(text)).toEqual(terms);
  });
});

describe('kindMismatch', () => {
  const specific = (t: string) => t !== '~icp';
  const [blocking, review] = readEntries(
    [
      entry('备案成功了，网站为什么还显示阻断页面？', [
        '备案通过后多久能访问',
        'how long until the block page goes away',
      ]),
      entry('备案审核要多久？', ['how long does the bureau review take']),
    ],
    specific,
  ).kinds;
  // A question's kinds as the matcher reads them: duration with its subject, the other kinds with none.
  const asked = (text: string): AskedKinds => {
    const subject = new Set(analyseText(durationSubject(foldText(text))).filter(specific));
    return new Map([...questionKinds(text)].map((k) => [k, k === 'duration' ? subject : new Set<string>()]));
  };

  it('holds when the entry asks how long of something else', () => {
    expect(kindMismatch(asked('how long does approval take'), blocking ?? new Map())).toBe(true);
    expect(kindMismatch(asked('备案审核要多久'), review ?? new Map())).toBe(false);
  });

  it('does not hold when they ask it of the same thing', () => {
    expect(kindMismatch(asked('审核通过后要几天才能访问'), blocking ?? new Map())).toBe(false);
    expect(kindMismatch(asked('阻断页面多久消失'), blocking ?? new Map())).toBe(false);
  });

  it('does not hold when the question names nothing beside its kind', () => {
    expect(kindMismatch(asked('要多久'), blocking ?? new Map())).toBe(false);
  });

  it('holds when no phrase of the entry asks the question kind', () => {
    const [none] = readEntries([entry('什么是空壳网站', ['空壳网站是什么意思'])], specific).kinds;
    expect(kindMismatch(asked('阻断页面多久消失'), none ?? new Map())).toBe(true);
    expect(kindMismatch(asked('为什么备案被注销'), review ?? new Map())).toBe(true);
  });

  it('never holds for a question of no such kind', () => {
    expect(kindMismatch(asked('怎么办'), blocking ?? new Map())).toBe(false);
  });
});

describe('durationAnchor and countsFromAsked', () => {
  it.each([
    ['how long does the beian data take to sync after approval', 'after approval'],
    ['备案成功 多久以后能访问', '备案成功 以后'],
    ['备案过了 页面还被拦 要等几天', '备案过了'],
    ['备案审核要多久', ''],
  ])('%s counts from "%s"', (phrase, anchor) => {
    expect(durationAnchor(foldText(phrase))).toBe(anchor);
  });

  it('holds when the question asks how long the thing takes that the entry counts from', () => {
    const anchors = readEntries([entry('t', ['备案成功 多久以后能访问'])], () => true).anchors[0] ?? new Set();
    const asked = (terms: string[]): AskedKinds => new Map([['duration', new Set(terms)]]);
    expect(countsFromAsked(asked(analyseText('备案成功')), anchors)).toBe(true);
    expect(countsFromAsked(asked(analyseText('访问')), anchors)).toBe(false);
    // A question of another kind never does.
    expect(countsFromAsked(new Map([['why', new Set(analyseText('备案成功'))]]), anchors)).toBe(false);
  });
});
