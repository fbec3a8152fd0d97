import { foldText } from '../text/fold-text.js';
import { CHINESE_FILLER, ENGLISH_FILLER, FUNCTION_CHARACTERS, SYNONYM_GROUPS } from './lexicon.js';

/** Marks a concept term so it can never collide with a word or a bigram. */
export const CONCEPT_PREFIX = '~';

const HAN = /\p{Script=Han}/u;
const SPACE = 32;

function isHan(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return code >= 0x2e80 && HAN.test(String.fromCodePoint(code));
}

/**
 * Folded text as items: every Han character (its code point) and every other word (`-(k + 1)` for
 * `words[k]`); `gap[i]` is 1 when a space (or, later, a removed word) stands between items i − 1 and i.
 */
interface Items {
  length: number;
  codes: Int32Array;
  words: string[];
  gap: Uint8Array;
}

/** A dictionary word as items (code points, and Latin words as strings), and what it becomes: a concept term, or nothing (filler). */
interface Word {
  items: (number | string)[];
  gap: Uint8Array;
  length: number;
  term: string | null;
}

// Scratch arrays for the text being analysed, grown as needed and reused: indexing a knowledge base analyses
// hundreds of thousands of texts, and fresh typed arrays for each were a fifth of that time. Analysis never
// re-enters itself, so one set is enough.
let scratchCodes = new Int32Array(1024);
let scratchGap = new Uint8Array(1024);
let scratchRemoved = new Uint8Array(1024);

function splitItems(folded: string, codes: Int32Array, gaps: Uint8Array): Items {
  const items: Items = { length: 0, codes, words: [], gap: gaps };
  let gap = 0;
  let i = 0;
  while (i < folded.length) {
    const c = folded.codePointAt(i) ?? SPACE;
    if (c === SPACE) {
      gap = 1;
      i += 1;
      continue;
    }
    if (isHan(c)) {
      items.codes[items.length] = c;
      i += c > 0xffff ? 2 : 1;
    } else {
      const j = latinEnd(folded, i);
      items.words.push(folded.slice(i, j));
      items.codes[items.length] = -items.words.length;
      i = j;
    }
    items.gap[items.length] = gap;
    items.length += 1;
    gap = 0;
  }
  return items;
}

function latinEnd(folded: string, start: number): number {
  let j = start;
  while (j < folded.length) {
    const d = folded.codePointAt(j) ?? SPACE;
    if (d === SPACE || isHan(d)) break;
    j += d > 0xffff ? 2 : 1;
  }
  return j;
}

function itemAt(items: Items, i: number): number | string {
  const code = items.codes[i] ?? 0;
  return code >= 0 ? code : (items.words[-code - 1] ?? '');
}

// Dictionary words indexed by their first item, longest first: at each position the longest word wins, as
// a longest-first regular-expression alternation would (有效期 over 有效).
interface Dictionary {
  byFirst: Map<number | string, Word[]>;
  /** Per character of the main Han block, 1 when some word starts with it: most characters start none. */
  starts: Uint8Array;
}

function buildDictionary(words: readonly (readonly [string, string | null])[]): Dictionary {
  const byFirst = new Map<number | string, Word[]>();
  const starts = new Uint8Array(0x5200);
  const seen = new Set<string>();
  for (const [word, term] of words) {
    if (seen.has(word)) continue;
    seen.add(word);
    const parts = splitItems(word, new Int32Array(word.length), new Uint8Array(word.length));
    const items = Array.from({ length: parts.length }, (_, i) => itemAt(parts, i));
    const first = items[0];
    if (first === undefined) continue;
    if (typeof first === 'number' && first >= 0x4e00 && first <= 0x9fff) starts[first - 0x4e00] = 1;
    const list = byFirst.get(first) ?? [];
    list.push({ items, gap: parts.gap.slice(0, parts.length), length: word.length, term });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst, starts };
}

const SYNONYMS = buildDictionary(
  Object.entries(SYNONYM_GROUPS).flatMap(([concept, words]) =>
    words.map((w) => [w, `${CONCEPT_PREFIX}${concept}`] as const),
  ),
);
const FILLER = buildDictionary([...CHINESE_FILLER, ...ENGLISH_FILLER].map((w) => [w, null] as const));

function matchesAt(items: Items, removed: Uint8Array, i: number, word: Word): boolean {
  const n = word.items.length;
  if (i + n > items.length) return false;
  for (let k = 1; k < n; k += 1) {
    if (removed[i + k] === 1 || itemAt(items, i + k) !== word.items[k] || items.gap[i + k] !== word.gap[k])
      return false;
  }
  return true;
}

// A loop, not \`find\` with a closure: this runs for every word of every text indexed.
function firstMatch(candidates: readonly Word[], items: Items, removed: Uint8Array, i: number): Word | undefined {
  for (const w of candidates) if (matchesAt(items, removed, i, w)) return w;
  return undefined;
}

// Per character of the main Han block, 1 for a function character (lexicon.ts, FUNCTION_CHARACTERS): a dictionary word
// beginning with one may have taken it from the text before it (see overlapped). An array, as Dictionary.starts: it is
// read for every dictionary word found.
const FUNCTION_CHARS = new Uint8Array(0x5200);
for (const w of FUNCTION_CHARACTERS) {
  const c = w.codePointAt(0) ?? 0;
  if (c >= 0x4e00 && c <= 0x9fff) FUNCTION_CHARS[c - 0x4e00] = 1;
}

// Whether a word of the dictionary starting inside the n items matched at i runs past them and is at least as long.
// Asked only when the word found at i begins with a function character (lexicon.ts, FUNCTION_CHARACTERS): 为空 (is
// empty) found first in 为空壳 (as a shell) left 壳 alone, while 空壳 is the word meant and 为 a preposition, so the match
// at i yields. A word beginning otherwise keeps its match (需要做 is 需要 + 做, not 需 + 要做).
// bench/loo.ts: slack-dev odd in scope 48 → 49 of 55 (slack-long 12 → 13 of 14), every other line unchanged (the list of
// function characters as only the one-character fillers plus 为: the same). Yielding whatever the first character: the
// same on slack-dev odd, slack-more tune wrong 2 → 1 of 81, holdout 43 → 44 of 49, but imported tune 31 → 30 of 42
// with wrong 3 → 4 of 52 (需要做 read as 需 + 要做, so an entry lost its ~need); yielding only to a longer word: nothing
// moved; 为 also removed as filler: leave-one-out wrong 8.7 → 8.9%.
function overlapped(items: Items, removed: Uint8Array, dictionary: Dictionary, i: number, n: number): boolean {
  for (let j = i + 1; j < i + n; j += 1) {
    const code = items.codes[j] ?? 0;
    if (code < 0 || (code >= 0x4e00 && code <= 0x9fff && dictionary.starts[code - 0x4e00] === 0)) continue;
    const candidates = dictionary.byFirst.get(code);
    if (candidates === undefined) continue;
    const other = firstMatch(candidates, items, removed, j);
    if (other !== undefined && j + other.items.length > i + n && other.items.length >= n) return true;
  }
  return false;
}

// One left-to-right pass: each dictionary word found is marked removed and its term (if any) kept.
function replaceWords(items: Items, removed: Uint8Array, dictionary: Dictionary, terms: string[]): void {
  for (let i = 0; i < items.length; i += 1) {
    const code = items.codes[i] ?? 0;
    if (removed[i] === 1 || (code >= 0x4e00 && code <= 0x9fff && dictionary.starts[code - 0x4e00] === 0)) continue;
    const candidates = dictionary.byFirst.get(itemAt(items, i));
    if (candidates === undefined) continue;
    const word = firstMatch(candidates, items, removed, i);
    if (word === undefined) continue;
    const n = word.items.length;
    if (n > 1 && code >= 0x4e00 && FUNCTION_CHARS[code - 0x4e00] === 1 && overlapped(items, removed, dictionary, i, n))
      continue;
    removed.fill(1, i, i + n);
    if (word.term !== null) terms.push(word.term);
    i += n - 1;
  }
}

/**
 * Turns text into the terms the matcher compares: folded (see `foldText`), synonyms replaced by
 * one concept term each (so 吊销, 撤销 and "revoked" all read `~cancel`), filler removed, then
 * Chinese bigrams and English words (plural `s` dropped). Terms may repeat.
 *
 * Words are looked up item by item (a Han character or a whole Latin word) in dictionaries keyed by
 * their first item, which costs the same however large the dictionary grows.
 */
export function analyseText(text: string): string[] {
  return analyseFolded(foldText(text));
}

/** {@link analyseText} of text already folded by `foldText`. */
export function analyseFolded(folded: string): string[] {
  const { items, removed } = scratchItems(folded);
  const terms: string[] = [];
  replaceWords(items, removed, SYNONYMS, terms);
  replaceWords(items, removed, FILLER, terms);
  let runStart = 0;
  for (let i = 0; i < items.length; i += 1) {
    const code = items.codes[i] ?? 0;
    if (removed[i] === 1 || code < 0 || items.gap[i] === 1) {
      pushRun(items, runStart, i, terms);
      runStart = i;
    }
    if (removed[i] === 1) runStart = i + 1;
    else if (code < 0) {
      terms.push(stemWord(items.words[-code - 1] ?? ''));
      runStart = i + 1;
    }
  }
  pushRun(items, runStart, items.length, terms);
  return terms;
}

/**
 * The dictionary concepts of folded text read with its filler taken out first, so a phrase with a question word inside
 * it is still found: 域名怎么续费 reads 域名续费 (~domainrenewal), which {@link analyseFolded} reads as ~domain and ~renew.
 * Only for the question: the index never needs it. Empty when the text has no filler (the plain reading has them all).
 */
export function conceptsWithoutFiller(folded: string): string[] {
  const { items, removed } = scratchItems(folded);
  replaceWords(items, removed, FILLER, []);
  let kept = 0;
  for (let i = 0; i < items.length; i += 1) {
    if (removed[i] === 1) continue;
    items.codes[kept] = items.codes[i] ?? 0;
    items.gap[kept] = items.gap[i] ?? 0;
    kept += 1;
  }
  // No filler, nothing new: the concepts are the plain reading's, which the caller has.
  if (kept === items.length) return [];
  items.length = kept;
  removed.fill(0, 0, kept);
  const terms: string[] = [];
  replaceWords(items, removed, SYNONYMS, terms);
  return terms;
}

// The items of folded text in the shared scratch buffers (grown when too small), none removed yet. A reading keeps them
// only until the next one starts: readings run one after another, never inside each other.
function scratchItems(folded: string): { items: Items; removed: Uint8Array } {
  if (scratchCodes.length < folded.length) {
    const size = Math.max(folded.length, scratchCodes.length * 2);
    scratchCodes = new Int32Array(size);
    scratchGap = new Uint8Array(size);
    scratchRemoved = new Uint8Array(size);
  }
  const items = splitItems(folded, scratchCodes, scratchGap);
  scratchRemoved.fill(0, 0, items.length);
  return { items, removed: scratchRemoved };
}

// The terms of a run of Han characters: its bigrams, or the character itself when it stands alone.
function pushRun(items: Items, start: number, end: number, terms: string[]): void {
  if (end - start === 1) terms.push(String.fromCodePoint(items.codes[start] ?? 0));
  for (let k = start; k + 1 < end; k += 1) terms.push(bigram(items.codes[k] ?? 0, items.codes[k + 1] ?? 0));
}

// Bigrams of the main Han block, made once each: a knowledge base's answers repeat the same few thousand pairs
// millions of times, and a string made once also has its hash computed once for every map it goes into.
const BIGRAMS = new Map<number, string>();
const MAX_BIGRAMS = 1 << 20;

function bigram(a: number, b: number): string {
  if (a < 0x4e00 || a > 0x9fff || b < 0x4e00 || b > 0x9fff) return String.fromCodePoint(a, b);
  const key = (a - 0x4e00) * 0x5200 + (b - 0x4e00);
  let s = BIGRAMS.get(key);
  if (s === undefined) {
    s = String.fromCharCode(a, b);
    if (BIGRAMS.size < MAX_BIGRAMS) BIGRAMS.set(key, s);
  }
  return s;
}

// Only a plural s. Tried and dropped (4 December): an English word the dictionary lacks as written read through its
// Porter stem (the `stemmer` package) as a one-word dictionary entry with the same stem (changed → ~change, renewals →
// ~renew). Any entry of four letters or more: leave-one-out wrong 8.5 → 9.3%, slack-dev odd 52 → 50 of 55 with one
// more wrong (missed → ~none through "missing", call → ~meaning through "called"); only base forms (the word at most one
// letter past its stem): the same, and situations tune 17 → 16 of 34. Six letters or more: leave-one-out right 78.4 →
// 79.2% and situations tune 17 → 18, but slack-dev odd 52 → 51 and imported-more tune wrong 3 → 4 of 40.
function stemWord(term: string): string {
  return term.length > 3 && term.endsWith('s') && !term.endsWith('ss') && /^[a-z]+$/.test(term)
    ? term.slice(0, -1)
    : term;
}

/**
 * Where a general-language word segmenter (ICU's, through `Intl.Segmenter`: built into Node, offline, a dictionary of
 * Chinese words) puts word boundaries in folded text: the bigrams that only ever straddle two of its words, and for each
 * such seam its characters that stand as one-character words of their own (not function characters).
 *
 * The analyser turns a run of characters no dictionary knows into bigrams; a bigram across two words (般长 in 一般长什么样,
 * 在审 in 还在审) is no word of the question, so as an unknown term it counts against answering as if it named a topic
 * no entry covers. The lone characters (审, 交) are the words that were said.
 */
export interface WordSeams {
  /** Bigrams of adjacent Han characters in different words, never inside one word of the text. */
  seams: ReadonlySet<string>;
  /** Per seam bigram, its characters that are words on their own and not function characters. */
  lone: ReadonlyMap<string, readonly string[]>;
}

const NO_SEAMS: WordSeams = Object.freeze({
  seams: new Set<string>(),
  lone: new Map<string, string[]>(),
});
let segmenter: Intl.Segmenter | undefined;

/** The {@link WordSeams} of text folded by `foldText`. */
export function wordSeams(folded: string): WordSeams {
  if (!HAN.test(folded)) return NO_SEAMS;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  // Per code unit: the segment it belongs to, and whether that segment is one Han character.
  const segmentOf = new Int32Array(folded.length);
  const single = new Uint8Array(folded.length);
  let k = 0;
  for (const { segment, index } of segmenter.segment(folded)) {
    k += 1;
    segmentOf.fill(k, index, index + segment.length);
    if (segment.length === 1) single[index] = 1;
  }
  const inside = new Set<string>();
  const seams = new Set<string>();
  const lone = new Map<string, string[]>();
  for (let i = 0; i + 1 < folded.length; i += 1) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    if (a < 0x4e00 || a > 0x9fff || b < 0x4e00 || b > 0x9fff) continue;
    const pair = bigram(a, b);
    if (segmentOf[i] === segmentOf[i + 1]) {
      inside.add(pair);
      continue;
    }
    const loneA = single[i] === 1 && FUNCTION_CHARS[a - 0x4e00] === 0;
    const loneB = single[i + 1] === 1 && FUNCTION_CHARS[b - 0x4e00] === 0;
    seams.add(pair);
    const chars = lone.get(pair) ?? [];
    if (loneA) chars.push(String.fromCharCode(a));
    if (loneB) chars.push(String.fromCharCode(b));
    lone.set(pair, chars);
  }
  for (const pair of inside) {
    seams.delete(pair);
    lone.delete(pair);
  }
  return { seams, lone };
}
