import { createRequire } from 'node:module';
import { CHINESE_FILLER, CHINESE_PARTICLES, SYNONYM_GROUPS } from './lexicon.js';

/**
 * What the knowledge base's Chinese words sound like, so a question typed in pinyin (`zhuxiao`,
 * `kongke wangzhan`) or with an input-method homophone (柱销, 被案) can be read as the words it meant.
 */
export interface SoundIndex {
  /** Known Han bigrams (terms of the index and pieces of the dictionary's Chinese words and filler). */
  known: ReadonlySet<string>;
  /** Known bigrams that are only pieces of longer dictionary words (机商 of 主机商) → those words. */
  wordsOfPiece: ReadonlyMap<string, readonly string[]>;
  /** Toneless pinyin of a known bigram, syllables joined by a space ("bei an") → the bigram. */
  bigramBySound: ReadonlyMap<string, string>;
  /** Toneless pinyin of a known word, syllables run together ("zhuxiao") → the word and where its syllables start. */
  wordBySound: ReadonlyMap<string, SoundWord>;
  /** Longest value of {@link wordBySound}'s keys. */
  longest: number;
  /** Every syllable of every known character. */
  syllables: ReadonlySet<string>;
}

interface SoundWord {
  han: string;
  /** Offsets in the joined pinyin where a syllable starts after the first. */
  breaks: readonly number[];
}

const HAN_WORD = /^\p{Script=Han}{1,6}$/u;
const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;
const PARTICLES = new Set(CHINESE_PARTICLES);
// Polyphonic words beyond this many readings are indexed by their first ones only: the rest are rare readings.
const MAX_READINGS = 8;

// Per character, its toneless readings (most common first). Shared by every matcher: the dictionary behind
// pinyin-pro does not change, and looking a character up costs microseconds.
const READINGS = new Map<string, readonly string[]>();

function readingsOf(ch: string): readonly string[] {
  let r = READINGS.get(ch);
  if (r === undefined) {
    r = readCharacter(ch);
    READINGS.set(ch, r);
  }
  return r;
}

/** Seeds the readings {@link readCharacter} gave before (a table kept by a cache), so those characters need no pinyin-pro. */
export function rememberReadings(table: Readonly<Record<string, readonly string[]>>): void {
  for (const [ch, readings] of Object.entries(table)) READINGS.set(ch, readings);
}

/** {@link readCharacter} over the CJK Unified Ideographs block (U+4E00–U+9FFF), for a cache to keep. */
export function readCommonCharacters(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (let code = 0x4e00; code <= 0x9fff; code += 1) {
    const ch = String.fromCodePoint(code);
    table[ch] = readCharacter(ch);
  }
  return table;
}

/**
 * A Han character's toneless readings, most common first, as `pinyin(ch, { toneType: 'none', type: 'array',
 * multiple: true, v: true })` gives them (the test compares every Han character). Read through `polyphonic`:
 * `pinyin` builds pinyin-pro's word segmenter on its first call (about 70 ms of a small matcher's first build)
 * and then throws the segmentation of a single character away.
 */
export function readCharacter(ch: string): string[] {
  const toned = pinyinPro().polyphonic(ch, { toneType: 'num', type: 'array', v: true })[0] ?? [];
  // Tones dropped, then a reading the same as the one before it dropped, as `pinyin` does for `multiple`.
  const toneless = toned.map((s) => s.replace(/[0-9]/g, ''));
  return toneless.filter((s, i) => s !== toneless[i - 1] && /^[a-z]+$/.test(s));
}

let loaded: typeof import('pinyin-pro') | undefined;

// pinyin-pro's CommonJS build is one file and loads in about half the time of its ESM build's 29 modules; required
// on first use, so a matcher whose questions need no reading never loads its dictionary at all.
function pinyinPro(): typeof import('pinyin-pro') {
  loaded ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return loaded;
}

/** Every toneless reading of a Han word, as syllable lists (at most {@link MAX_READINGS}). */
function readingsOfWord(word: string): string[][] {
  let out: string[][] = [[]];
  for (const ch of word) {
    const r = readingsOf(ch);
    if (r.length === 0) return [];
    out = out.flatMap((prefix) => r.map((s) => [...prefix, s])).slice(0, MAX_READINGS);
  }
  return out;
}

const LEXICON_WORDS: readonly string[] = [
  ...new Set(
    Object.values(SYNONYM_GROUPS)
      .flat()
      .filter((w) => HAN_WORD.test(w)),
  ),
];

/**
 * Builds the sound index over the bigrams a term index knows (dictionary words come first when two sound alike).
 * `readAsIs` are bigrams that are known (never respelled) but never a respelling's target either: the words only
 * answers use. A homophone is a typo of a word people ask with, and respelling into an answer's word (在担心 read as
 * 在弹心 after an answer that says 在弹出) turned plain words into ones only an answer uses. bench/loo.ts:
 * questions.jsonl tune beside the imported entries 96.7 → 97.8%, every other line unchanged (also when answer words
 * were left out of the known bigrams altogether). Only the dictionary's words as targets (the knowledge base's own
 * bigrams known but never a target): imported tune wrong 3 → 4 of 52, so a knowledge base's words stay targets.
 * The pinyin maps are built on first read: a question with no unknown bigram and no Latin letters needs none.
 */
export function buildSoundIndex(indexTerms: Iterable<string>, readAsIs: Iterable<string> = []): SoundIndex {
  const targets = new Set<string>();
  const wordsOfPiece = new Map<string, string[]>();
  for (const w of [...LEXICON_WORDS, ...CHINESE_FILLER]) {
    if (w.length === 2) targets.add(w);
    else
      for (let i = 0; i + 1 < w.length; i += 1) {
        const piece = w.slice(i, i + 2);
        const words = wordsOfPiece.get(piece);
        if (words === undefined) wordsOfPiece.set(piece, [w]);
        else words.push(w);
      }
  }
  // Pinyin spells whole words: the dictionary's, the filler's and the knowledge base's bigrams, but not a bigram from
  // inside a longer dictionary word (理办 of 管理办法), which would read `zai nali ban` as 在哪 + 理办.
  // (A one-character filler word is no word to spell: `zai` read as 咋 and a blank.)
  const words = new Set([...LEXICON_WORDS, ...CHINESE_FILLER.filter((w) => w.length > 1 && HAN_WORD.test(w))]);
  for (const t of indexTerms) {
    if (!HAN_BIGRAM.test(t)) continue;
    targets.add(t);
    words.add(t);
  }
  // A piece of a longer word alone (机商 of 主机商) is a homophone's reading only where it makes that word.
  for (const t of targets) wordsOfPiece.delete(t);
  for (const piece of wordsOfPiece.keys()) targets.add(piece);
  const known = new Set(targets);
  for (const t of readAsIs) if (HAN_BIGRAM.test(t)) known.add(t);
  let sounds: Omit<SoundIndex, 'known' | 'wordsOfPiece'> | undefined;
  const read = () => {
    sounds ??= buildSounds(targets, words);
    return sounds;
  };
  return {
    known,
    wordsOfPiece,
    get bigramBySound() {
      return read().bigramBySound;
    },
    get wordBySound() {
      return read().wordBySound;
    },
    get longest() {
      return read().longest;
    },
    get syllables() {
      return read().syllables;
    },
  };
}

function buildSounds(
  known: ReadonlySet<string>,
  words: ReadonlySet<string>,
): Omit<SoundIndex, 'known' | 'wordsOfPiece'> {
  const bigramBySound = new Map<string, string>();
  const wordBySound = new Map<string, SoundWord>();
  const syllables = new Set<string>();
  let longest = 0;
  for (const word of new Set([...LEXICON_WORDS, ...known, ...words])) {
    for (const reading of readingsOfWord(word)) {
      for (const s of reading) syllables.add(s);
      if (word.length === 2 && known.has(word) && !bigramBySound.has(reading.join(' ')))
        bigramBySound.set(reading.join(' '), word);
      const joined = reading.join('');
      if (!words.has(word) || wordBySound.has(joined)) continue;
      const breaks: number[] = [];
      let at = 0;
      for (const s of reading.slice(0, -1)) {
        at += s.length;
        breaks.push(at);
      }
      wordBySound.set(joined, { han: word, breaks });
      longest = Math.max(longest, joined.length);
    }
  }
  return { bigramBySound, wordBySound, longest, syllables };
}

/**
 * Replaces, in folded text, a character that makes an unknown bigram with a neighbour when swapping it
 * for a sound-alike makes a known one (被案 → 备案, 柱销 → 注销), as long as the character is not already
 * part of a known bigram on its other side.
 */
export function correctHomophones(folded: string, index: SoundIndex): string {
  const chars = [...folded];
  let changed = false;
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    const pair = `${a}${b}`;
    if (!HAN_BIGRAM.test(pair) || index.known.has(pair)) continue;
    const fix = soundAlike(pair, index);
    if (fix === undefined) continue;
    const [fa, fb] = [...fix];
    // Only one character is swapped (a typo changes one), and never one that already reads well with its other neighbour.
    // Nor a particle: next to any word it is grammar (see CHINESE_PARTICLES).
    let at: number;
    let swapped: string;
    if (fa === a && fb !== undefined && !PARTICLES.has(b) && !index.known.has(`${b}${chars[i + 2] ?? ''}`)) {
      at = i + 1;
      swapped = fb;
    } else if (fb === b && fa !== undefined && !PARTICLES.has(a) && !index.known.has(`${chars[i - 1] ?? ''}${a}`)) {
      at = i;
      swapped = fa;
    } else continue;
    const was = chars[at] ?? '';
    chars[at] = swapped;
    // A piece of a longer dictionary word is a reading only where the swap completes that word (buildSoundIndex).
    const whole = index.wordsOfPiece.get(fix);
    if (whole !== undefined && !makesWord(chars, i, whole)) {
      chars[at] = was;
      continue;
    }
    changed = true;
  }
  return changed ? chars.join('') : folded;
}

// True when one of `words` runs through the pair at chars[i], chars[i + 1].
function makesWord(chars: readonly string[], i: number, words: readonly string[]): boolean {
  return words.some((w) => {
    for (let start = i + 2 - w.length; start <= i; start += 1) {
      if (start >= 0 && chars.slice(start, start + w.length).join('') === w) return true;
    }
    return false;
  });
}

function soundAlike(pair: string, index: SoundIndex): string | undefined {
  for (const reading of readingsOfWord(pair)) {
    const hit = index.bigramBySound.get(reading.join(' '));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Rewrites runs of Latin words that read as pinyin of known Chinese words into those words
 * (`kongke wangzhan` → 空壳网站, `bei an hao` → 备案, `zhuxiao` → 注销). `isKnownWord` keeps the
 * English words the knowledge base uses as they are; a run that spells no known word is left alone.
 */
export function readPinyin(folded: string, index: SoundIndex, isKnownWord: (word: string) => boolean): string {
  return withoutTones(folded, index).replace(/[a-z]+(?: [a-z]+)*/g, (run) => {
    const words = run.split(' ');
    const out: string[] = [];
    let pending: string[] = [];
    let unknownInRun = false;
    const flush = () => {
      // A run of words the knowledge base knows as they are (English, or pinyin the dictionary lists, like `beian`)
      // stays as it is; one with a word it does not know is read as pinyin, known words included, so `beian hao`
      // reads as 备案号 rather than `beian` and an unknown `hao`.
      const spelled = unknownInRun ? spellRun(pending, index) : undefined;
      if (pending.length > 0) out.push(spelled ?? pending.join(' '));
      pending = [];
      unknownInRun = false;
    };
    for (const w of words) {
      if (!isSyllables(w, index)) {
        flush();
        out.push(w);
        continue;
      }
      pending.push(w);
      if (!isKnownWord(w)) unknownInRun = true;
    }
    flush();
    return out.join(' ');
  });
}

// A letter with a tone mark (è, ǎ, or a combining mark), or a tone number after a letter (bei4).
const TONED = /[\u00c0-\u024f]|[\u0300-\u036f]|[a-z][1-5]/;
const TONE_MARKS = /[\u0300-\u036f]/g;

/**
 * `folded` with each word typed in pinyin with tones (bèiàn, bei4an4) written without them, as the index reads pinyin.
 * Word by word (folded text has single spaces between words), so a long run of Han characters costs one test.
 */
function withoutTones(folded: string, index: SoundIndex): string {
  if (!TONED.test(folded)) return folded;
  return folded
    .split(' ')
    .map((word) => {
      if (!TONED.test(word)) return word;
      const plain = word
        .normalize('NFD')
        .replace(/u\u0308/g, 'v') // ü, which the index writes as v (readCharacter)
        .replace(TONE_MARKS, '')
        .replace(/([a-z])[1-5]/g, '$1');
      return /^[a-z]+$/.test(plain) && isSyllables(plain, index) ? plain : word;
    })
    .join(' ');
}

// True when the word splits into syllables of known characters.
function isSyllables(word: string, index: SoundIndex): boolean {
  const ok = new Uint8Array(word.length + 1);
  ok[0] = 1;
  for (let i = 0; i < word.length; i += 1) {
    if (ok[i] !== 1) continue;
    for (let j = i + 1; j <= Math.min(word.length, i + LONGEST_SYLLABLE); j += 1)
      if (index.syllables.has(word.slice(i, j))) ok[j] = 1;
  }
  return ok[word.length] === 1;
}

// The run's letters read as known words (word boundaries must fall between syllables); undefined when no known word of
// two or more characters is found. Of all readings, the one that leaves the fewest syllables unread wins, then the one
// with the fewest read as lone characters, then the one of fewer words, then the one whose words end where the typed
// words do: taking the longest word from the left read "zenme huifu" as 怎么会 and a lone 付, where 怎么 恢复 reads
// every syllable into a word.
function spellRun(words: readonly string[], index: SoundIndex): string | undefined {
  const letters = words.join('');
  const bounds = new Set<number>();
  let at = 0;
  for (const w of words.slice(0, -1)) {
    at += w.length;
    bounds.add(at);
  }
  const n = letters.length;
  const splits = suffixSplits(letters, index);
  // best[i]: the best reading of letters[i..]; cost = [syllables unread, lone characters, words, ends inside a typed word].
  const best: (Reading | undefined)[] = new Array(n + 1);
  best[n] = { cost: [0, 0, 0, 0], han: '', next: n };
  for (let i = n - 1; i >= 0; i -= 1) {
    let pick: Reading | undefined;
    for (let j = Math.min(n, i + index.longest); j > i; j -= 1) {
      const w = index.wordBySound.get(letters.slice(i, j));
      const rest = best[j];
      if (w === undefined || rest === undefined || !crossesWell(w, i, j, bounds)) continue;
      const inside = j === n || bounds.has(j) ? 0 : 1;
      const lone = w.han.length > 1 ? 0 : 1;
      const cost: Cost = [rest.cost[0], rest.cost[1] + lone, rest.cost[2] + 1, rest.cost[3] + inside];
      if (pick === undefined || cheaper(cost, pick.cost)) pick = { cost, han: w.han, next: j };
    }
    // Or leave one syllable unread (a blank, as before).
    const j = nextSyllable(letters, i, bounds, splits, index);
    const rest = best[j];
    if (j > i && rest !== undefined) {
      const cost: Cost = [rest.cost[0] + 1, rest.cost[1], rest.cost[2], rest.cost[3]];
      if (pick === undefined || cheaper(cost, pick.cost)) pick = { cost, han: ' ', next: j };
    }
    best[i] = pick;
  }
  const pieces: string[] = [];
  let found = false;
  for (let i = 0, r = best[0]; r !== undefined && i < n; i = r.next, r = best[i]) {
    pieces.push(r.han);
    // A lone syllable (hao, xin) is too ambiguous to show that the run is pinyin at all.
    if (r.han.length > 1) found = true;
  }
  return found ? pieces.join('').replace(/ +/g, ' ').trim() : undefined;
}

type Cost = [number, number, number, number];
interface Reading {
  cost: Cost;
  han: string;
  next: number;
}

function cheaper(a: Cost, b: Cost): boolean {
  for (let k = 0; k < a.length; k += 1) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) < (b[k] ?? 0);
  return false;
}

// A word boundary inside the matched letters must be one of the word's syllable breaks ("bei an" is 备案, "be ian" is not).
// Only the positions inside the match are looked at: a long run has a boundary after every typed word.
function crossesWell(w: SoundWord, start: number, end: number, bounds: ReadonlySet<number>): boolean {
  for (let b = start + 1; b < end; b += 1) if (bounds.has(b) && !w.breaks.includes(b - start)) return false;
  return true;
}

// Longest pinyin syllable (zhuang, shuang).
const LONGEST_SYLLABLE = 6;

/** Per position of `letters`, whether the letters from there to the end split into syllables (1) or not (0). */
function suffixSplits(letters: string, index: SoundIndex): Uint8Array {
  const n = letters.length;
  const splits = new Uint8Array(n + 1);
  splits[n] = 1;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let k = 1; k <= LONGEST_SYLLABLE && i + k <= n; k += 1) {
      if (splits[i + k] === 1 && index.syllables.has(letters.slice(i, i + k))) {
        splits[i] = 1;
        break;
      }
    }
  }
  return splits;
}

// Where the syllable starting at `i` ends: at a typed word's end, or where the rest still splits into syllables; `i`
// itself when no syllable does.
function nextSyllable(
  letters: string,
  i: number,
  bounds: ReadonlySet<number>,
  splits: Uint8Array,
  index: SoundIndex,
): number {
  for (let j = i + 1; j <= Math.min(letters.length, i + LONGEST_SYLLABLE); j += 1) {
    if (!index.syllables.has(letters.slice(i, j))) continue;
    if (bounds.has(j) || j === letters.length || splits[j] === 1) return j;
  }
  // No syllable starts here (the g left of xing when xin is taken): no reading goes this way. Letting the rest count
  // as one unread syllable read `jingyingxing beian zai nali ban` as 经营新 and nothing else.
  return i;
}
