import { foldText } from '../text/fold-text.js';
import { tokeniseText } from '../text/tokenise.js';
import { correctTypos } from './correct-typos.js';
import { CHINESE_FILLER, ENGLISH_FILLER, SYNONYM_GROUPS } from './lexicon.js';

/** Marks a concept term so it can never collide with a word or a bigram. */
export const CONCEPT_PREFIX = '~';

const LATIN = /^[a-z0-9 ]+$/;

const CONCEPT_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(SYNONYM_GROUPS).flatMap(([concept, words]) => words.map((w) => [w, concept] as const)),
);
const SYNONYM_PATTERN = buildPattern([...CONCEPT_OF.keys()]);
const FILLER_PATTERN = buildPattern([...CHINESE_FILLER, ...ENGLISH_FILLER]);

// One alternation, longest first so 有效期 wins over 有效; Latin words only match whole words.
function buildPattern(words: readonly string[]): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  const parts = sorted.map((w) => {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return LATIN.test(w) ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped;
  });
  return new RegExp(parts.join('|'), 'g');
}

/**
 * Turns text into the terms the matcher compares: folded (see `foldText`), common input-method typos
 * corrected (see `correctTypos`), synonyms replaced by
 * one concept term each (so 吊销, 撤销 and "revoked" all read `~cancel`), filler removed, then
 * Chinese bigrams and English words (plural `s` dropped). Terms may repeat.
 */
export function analyseText(text: string): string[] {
  const concepts: string[] = [];
  const rest = correctTypos(foldText(text))
    .replace(SYNONYM_PATTERN, (word) => {
      concepts.push(`${CONCEPT_PREFIX}${CONCEPT_OF.get(word)}`);
      return ' ';
    })
    .replace(FILLER_PATTERN, ' ');
  return [...concepts, ...tokeniseText(rest).map(stemWord)];
}

function stemWord(term: string): string {
  return term.length > 3 && term.endsWith('s') && !term.endsWith('ss') && /^[a-z]+$/.test(term)
    ? term.slice(0, -1)
    : term;
}
