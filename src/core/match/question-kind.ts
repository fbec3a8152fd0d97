import type { Entry } from '../knowledge/types.js';
import { foldText } from '../text/fold-text.js';

/** A kind of question that an entry about something else rarely answers. */
export type QuestionKind = 'duration' | 'why' | 'where';

// Only kinds that name what the answer must be; "how", "what is" and "can I" are asked of almost every entry.
const KIND_CUES: Readonly<Record<QuestionKind, RegExp>> = Object.freeze({
  duration: /多久|多长时间|多少天|几天|几个工作日|多长|how long|how many days|how soon/,
  why: /为什么|为何|为啥|原因|\bwhy\b/,
  where: /在哪|哪里|哪儿|去哪|哪个网站|哪个部门|\bwhere\b/,
});

// Listed once: indexing asks this of every title and alternate question.
const CUES = Object.entries(KIND_CUES) as [QuestionKind, RegExp][];

/** The kinds a (folded or raw) text asks, by its question words. */
export function questionKinds(text: string): Set<QuestionKind> {
  const folded = foldText(text);
  const kinds = new Set<QuestionKind>();
  for (const [kind, cue] of CUES) if (cue.test(folded)) kinds.add(kind);
  return kinds;
}

/** Per entry, the kinds its title and alternate questions ask. */
export function entryKinds(entries: readonly Entry[]): Set<QuestionKind>[] {
  return entries.map((e) => {
    const kinds = new Set<QuestionKind>();
    for (const phrase of [e.title, ...e.questions]) for (const k of questionKinds(phrase)) kinds.add(k);
    return kinds;
  });
}

/** Whether the entry's phrases ask none of the question's kinds (a question of no such kind never mismatches). */
export function kindMismatch(asked: ReadonlySet<QuestionKind>, entry: ReadonlySet<QuestionKind>): boolean {
  if (asked.size === 0) return false;
  for (const k of asked) if (entry.has(k)) return false;
  return true;
}
