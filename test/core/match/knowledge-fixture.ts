import type { Entry, KnowledgeBase } from '../../../src/core/knowledge/types.js';

/** A small knowledge base built in memory, so matcher tests do not depend on knowledge/ being finished. */
export function makeEntry(id: string, title: string, questions: string[], tags: string[] = []): Entry {
  return {
    id,
    title,
    questions,
    topic: 'test',
    tags,
    answer: `Answer for ${id}.`,
    source: { title: 'test', url: 'https://example.com' },
    reviewed: '2026-11-23',
    file: `${id}.md`,
    line: 1,
  };
}

/** Wraps entries into a {@link KnowledgeBase}. */
export function makeKnowledgeBase(entries: Entry[]): KnowledgeBase {
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), topics: ['test'] };
}

/** Five entries with the hard neighbours the matcher must keep apart. */
export const FIXTURE_KB = makeKnowledgeBase([
  makeEntry(
    'cancel-filing',
    '怎么注销备案？ / How do I cancel an ICP filing?',
    ['备案怎么注销', '如何注销备案号', 'cancel my icp filing', 'deregister a filing'],
    ['注销', 'cancel'],
  ),
  makeEntry(
    'validity',
    '备案号的有效期是多久？ / How long is an ICP filing number valid?',
    ['备案号会过期吗', '备案有期限吗', 'does an icp number expire', 'icp filing validity'],
    ['有效期', 'expiry'],
  ),
  makeEntry(
    'certificate',
    '备案证书在哪里获取？ / Where can I get a filing certificate?',
    ['备案证书怎么下载', '备案截图在哪', 'icp filing certificate download'],
    ['证书', 'certificate'],
  ),
  makeEntry(
    'shell-entity',
    '什么是空壳主体？ / What is a shell entity?',
    ['空壳主体是什么意思', '什么叫空壳主体', 'what is a shell entity'],
    ['空壳主体', 'shell entity'],
  ),
  makeEntry(
    'shell-site',
    '什么是空壳网站？ / What is a shell site?',
    ['空壳网站是什么意思', '网站变成空壳了', 'what is a shell site'],
    ['空壳网站', 'shell site'],
  ),
]);
