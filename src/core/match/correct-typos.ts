import { SYNONYM_GROUPS } from './lexicon.js';

/**
 * Characters a pinyin input method easily swaps for one another (same or near syllable, or a similar
 * shape), restricted to the characters of filing words: 备按→备案, 注消→注销, 工信布→工信部, 解折→解析, 公按→公安, 成工→成功.
 */
const CONFUSABLE_GROUPS: readonly string[] = [
  '案按安岸',
  '销消',
  '部布步',
  '析折晰',
  '证正政',
  '功工公',
  '备被倍',
  '域于',
  '册策',
];

const ALTERNATIVES: ReadonlyMap<string, readonly string[]> = new Map(
  CONFUSABLE_GROUPS.flatMap((group) => [...group].map((ch) => [ch, [...group].filter((c) => c !== ch)] as const)),
);

// Every two-character piece of the dictionary's Chinese words: what a corrected character must complete.
const KNOWN_PAIRS: ReadonlySet<string> = new Set(
  Object.values(SYNONYM_GROUPS)
    .flat()
    .flatMap((word) => {
      const chars = [...word].filter((c) => /\p{Script=Han}/u.test(c));
      return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
    }),
);

/**
 * Replaces a confusable character with its look- or sound-alike when the character belongs to no
 * dictionary word where it stands and the replacement completes one (公按备案 → 公安备案). Text that
 * already reads as dictionary words is left alone; so is every character outside the small table.
 */
export function correctTypos(folded: string): string {
  const chars = [...folded];
  let changed = false;
  for (let i = 0; i < chars.length; i += 1) {
    const alternatives = ALTERNATIVES.get(chars[i] ?? '');
    if (alternatives === undefined) continue;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (KNOWN_PAIRS.has(`${before}${chars[i]}`) || KNOWN_PAIRS.has(`${chars[i]}${after}`)) continue;
    const fix = alternatives.find((a) => KNOWN_PAIRS.has(`${before}${a}`) || KNOWN_PAIRS.has(`${a}${after}`));
    if (fix !== undefined) {
      chars[i] = fix;
      changed = true;
    }
  }
  return changed ? chars.join('') : folded;
}
