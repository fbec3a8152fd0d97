/**
 * Traditional → simplified Chinese, character by character, from OpenCC's dictionaries (`opencc-js`, bundled in the
 * package: nothing is fetched): its traditional-to-simplified characters, and the Taiwan and Hong Kong variant forms
 * (裡, 為, 綫) read through the standard traditional one. A question from Hong Kong or Taiwan finds 备案号 and 注销 and
 * every other word of the knowledge base, not only those a hand-kept table listed. Only characters: OpenCC's phrase
 * tables (Taiwan's 伺服器 for 服务器) are vocabulary, which the matcher's dictionary decides.
 */
import { from, to } from 'opencc-js/preset/t2cn';

/** The one-character pairs of OpenCC dictionaries ("A B|C D", a pair per entry); their phrases are left out. */
function characterPairs(groups: readonly (readonly (string | readonly (readonly [string, string])[])[])[]) {
  const pairs: [string, string][] = [];
  for (const dict of groups.flat()) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
    for (const [source, target] of entries) {
      // One UTF-16 code unit each: folding reads a code unit at a time, and the rare characters beyond the Basic
      // Multilingual Plane are no filing vocabulary.
      if (source?.length === 1 && target?.length === 1) pairs.push([source, target]);
    }
  }
  return pairs;
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [source, target] of characterPairs(to.cn ?? [])) if (source !== target) table.set(source, target);
  // A regional variant maps to the standard traditional form, which the table above simplifies (為 → 爲 → 为). One
  // whose standard form the table leaves alone is already simplified (才, 么) and stays as it is.
  for (const [variant, standard] of characterPairs([...(from.tw ?? []), ...(from.hk ?? [])])) {
    const simplified = table.get(standard);
    if (simplified !== undefined && !table.has(variant) && simplified !== variant) table.set(variant, simplified);
  }
  return table;
}

const TABLE: ReadonlyMap<string, string> = buildTable();
// One character class of every traditional character in the table: most text has none, so one scan is all it costs.
const TRADITIONAL = new RegExp(`[${[...TABLE.keys()].join('')}]`, 'gu');

// Simplified form of each character of the main Han block (U+4E00–U+9FFF), 0 for one the table leaves alone:
// folding reads one per character, and an array read is cheaper than a map lookup.
const HAN_START = 0x4e00;
const MAIN_BLOCK = new Uint16Array(0x9fff - HAN_START + 1);
const BY_CODE: ReadonlyMap<number, number> = new Map(
  [...TABLE].map(([source, target]) => [source.charCodeAt(0), target.charCodeAt(0)]),
);
for (const [source, target] of BY_CODE)
  if (source >= HAN_START && source <= 0x9fff) MAIN_BLOCK[source - HAN_START] = target;

/** Replaces the traditional characters in the table with their simplified forms; everything else is kept. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (ch) => TABLE.get(ch) ?? ch);
}

/** {@link toSimplified} for one UTF-16 code unit (a character of the Basic Multilingual Plane). */
export function toSimplifiedChar(code: number): number {
  if (code >= HAN_START && code <= 0x9fff) return MAIN_BLOCK[code - HAN_START] || code;
  return BY_CODE.get(code) ?? code;
}
