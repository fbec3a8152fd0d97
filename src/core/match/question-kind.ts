import type { Entry } from '../knowledge/types.js';
import { foldText } from '../text/fold-text.js';
import { analyseText } from './analyse-text.js';

/** A kind of question that an entry about something else rarely answers. */
export type QuestionKind = 'duration' | 'why' | 'where' | 'difference';

// Only kinds that name what the answer must be; "how", "what is" and "can I" are asked of almost every entry. Tried and
// dropped (4 December): a "how do we …" question (怎么, 如何, how do/can/to; not 怎么判断) mismatching an entry whose
// phrases mostly ask what something is (what-is-shell-entity answered "how do we delete a company record that has no
// websites"): leave-one-out right 78.6 → 77.7% and slack-more tune 49 → 48 of 51, at a half or two fifths of phrases.
// Nor "what happens / the consequences" as a kind (影响, 后果, 会怎样, consequences, impact, affect; 4 December, for
// "what are the consequences of leaving a site record without any access provider?" answered by what a shell site is):
// the engineer's checks wrong 69 → 65, but slack-more tune 49 → 48 of 51 and imported-more tune 20 → 18 of 31 with
// wrong 1 → 2 (a consequence is asked of entries whose titles put it otherwise: 系统会如何处理, 能否正常使用).
const KIND_CUES: Readonly<Record<QuestionKind, RegExp>> = Object.freeze({
  duration: /多久|多长时间|多少天|几天|几个工作日|多长|how long|how many days|how soon/,
  why: /为什么|为何|为啥|原因|\bwhy\b/,
  where: /在哪|哪里|哪儿|去哪|哪个网站|哪个部门|\bwhere\b/,
  // A comparison; not 一样吗 or "different", which ask whether one thing must match another (内容要跟备案一样吗).
  difference: /区别|差别|差异|有什么不同|有何不同|differences? between|\bvs\b|versus|compared (?:to|with)/,
});

// Listed once: indexing asks this of every title and alternate question.
const CUES = Object.entries(KIND_CUES) as [QuestionKind, RegExp][];

/** The kinds a (folded or raw) text asks, by its question words. */
export function questionKinds(text: string): Set<QuestionKind> {
  return kindsOfFolded(foldText(text));
}

function kindsOfFolded(folded: string): Set<QuestionKind> {
  const kinds = new Set<QuestionKind>();
  for (const [kind, cue] of CUES) if (cue.test(folded)) kinds.add(kind);
  return kinds;
}

/** Kinds asked, each with the specific terms of what it is asked of (empty: nothing beside the kind, or not read). */
export type AskedKinds = ReadonlyMap<QuestionKind, ReadonlySet<string>>;

// The words that come with the duration cue and are not what it asks about ("how long does it take", 要等几天).
const DURATION_WORDS = /\b(?:take|takes|took|taking|wait|waiting|until|till)\b|需要|要等|等待|完成|(?<= )内/g;
// The moment a duration is counted from is not what it measures: "after approval", 备案通过后, the clause before
// 多久以后, a clause ending in 了 (备案过了 页面还被拦 要等几天). Folded text: punctuation is a space.
const ANCHORS: readonly RegExp[] = [
  /\b(?:after|since|once)(?: (?!until|before|can|could|will|would|do|does|did|is|are|to|for|and|but|so|how)[\p{L}\p{N}'-]+){1,3}/gu,
  new RegExp(`(?:^| )[^ ]*(?= ?(?:${KIND_CUES.duration.source})(?:以后|之后|后))`, 'g'),
  /(?:^| )[^ ]*?(?:以后|之后|后)(?=[ 多几要才能再就还可])/g,
  /(?:^| )[^ ]+了(?= )/g,
];
const DURATION_CUE = new RegExp(KIND_CUES.duration.source, 'g');

/** A "how long" phrase split in two: what the duration is of, and the moments it counts from. */
interface DurationReading {
  subject: string;
  anchor: string;
}

// One pass over the anchors serves both halves: the subject is what the anchors leave.
function readDuration(folded: string): DurationReading {
  let text = folded;
  const moments: string[] = [];
  for (const anchor of ANCHORS) {
    moments.push(...(text.match(anchor) ?? []));
    text = text.replace(anchor, ' ');
  }
  return {
    subject: text.replace(DURATION_CUE, ' ').replace(DURATION_WORDS, ' '),
    // A clause before 以后 can carry the cue itself (多久以后): the cue is the question, not the moment.
    anchor: moments.join(' ').replace(DURATION_CUE, ' ').replace(/ +/g, ' ').trim(),
  };
}

/**
 * The folded text of a "how long" phrase without its cue, the words that come with it and the moment it counts from:
 * what the duration is of. Only duration has a subject this plain; "why" and "where" ask about the whole situation.
 */
export function durationSubject(folded: string): string {
  return readDuration(folded).subject;
}

/** The moments a "how long" phrase counts from ({@link durationSubject} leaves them out), as one folded text. */
export function durationAnchor(folded: string): string {
  return readDuration(folded).anchor;
}

/** Per entry, what its title and alternate questions ask: see {@link readEntries}. */
export interface EntryReadings {
  /** The kinds asked, each with what they are asked of: for duration the specific terms of the subject. */
  kinds: AskedKinds[];
  /**
   * The specific terms of the moments the entry's "how long" phrases count from: 备案成功 in 备案成功 多久以后能访问,
   * approval in "how long does the data take to sync after approval".
   */
  anchors: ReadonlySet<string>[];
}

const NO_ANCHORS: ReadonlySet<string> = new Set();

/**
 * Per entry, the kinds its phrases ask and the moments its "how long" phrases count from, in one pass: indexing folds
 * every title and alternate question once for both.
 */
export function readEntries(entries: readonly Entry[], isSpecific: (term: string) => boolean): EntryReadings {
  const kinds: AskedKinds[] = [];
  const anchors: ReadonlySet<string>[] = [];
  for (const e of entries) {
    const asked = new Map<QuestionKind, Set<string>>();
    let moments: Set<string> | undefined;
    for (const phrase of [e.title, ...e.questions]) {
      const folded = foldText(phrase);
      for (const k of kindsOfFolded(folded)) {
        const subject = asked.get(k) ?? new Set<string>();
        asked.set(k, subject);
        if (k !== 'duration') continue;
        const reading = readDuration(folded);
        for (const t of analyseText(reading.subject)) if (isSpecific(t)) subject.add(t);
        for (const t of analyseText(reading.anchor)) {
          if (!isSpecific(t)) continue;
          moments ??= new Set();
          moments.add(t);
        }
      }
    }
    kinds.push(asked);
    // Most entries ask no "how long" counted from anything: one shared empty set, not one each (10,000 entries: 1.6 MB).
    anchors.push(moments ?? NO_ANCHORS);
  }
  return { kinds, anchors };
}

/**
 * Whether the question asks how long something takes that the entry's "how long" phrases count from ("how long does
 * approval take" of an entry asking how long the page stays blocked after approval): the entry measures another span.
 */
export function countsFromAsked(asked: AskedKinds, anchors: ReadonlySet<string>): boolean {
  for (const t of asked.get('duration') ?? []) if (anchors.has(t)) return true;
  return false;
}

/**
 * Whether an entry answers none of the kinds asked: it never asks the kind, or every phrase of it that does asks it of
 * something else (the question's subject shares no term with theirs: "how long does approval take" of an entry whose
 * "how long" phrases count from approval). A question of no such kind never mismatches; one that names nothing beside
 * its kind ("要多久？") matches any entry that asks it.
 */
export function kindMismatch(asked: AskedKinds, entry: AskedKinds): boolean {
  if (asked.size === 0) return false;
  for (const [k, subject] of asked) {
    const theirs = entry.get(k);
    if (theirs === undefined) continue;
    if (subject.size === 0 || [...subject].some((t) => theirs.has(t))) return false;
  }
  return true;
}
