/**
 * Traditional → simplified Chinese, character by character, from OpenCC's dictionaries (`opencc-js`, bundled in the
 * package: nothing is fetched): its traditional-to-simplified characters, and the Taiwan and Hong Kong variant forms
 * (裡, 為, 綫) read through the standard traditional one. A question from Hong Kong or Taiwan finds 备案号 and 注销 and
 * every other word of the knowledge base, not only those a hand-kept table listed. Only characters: OpenCC's phrase
 * tables (Taiwan's 伺服器 for 服务器) are vocabulary, which the matcher's dictionary decides.
 */
// The three character tables alone, not a preset: a preset also loads the phrase tables, twice the start-up time.
import HK_VARIANTS from 'opencc-js/dict/HKVariantsRev';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS from 'opencc-js/dict/TWVariantsRev';

/** The pairs of an OpenCC dictionary ("A B|C D") whose source and first target are one UTF-16 code unit each. */
function characterPairs(dict: string): [number, number][] {
  const pairs: [number, number][] = [];
  for (const entry of dict.split('|')) {
    const [source, target] = entry.split(' ');
    // Folding reads a code unit at a time; the rare characters beyond the Basic Multilingual Plane are no filing words.
    if (source?.length === 1 && target?.length === 1) pairs.push([source.charCodeAt(0), target.charCodeAt(0)]);
  }
  return pairs;
}

function buildTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const [source, target] of characterPairs(TS_CHARACTERS)) if (source !== target) table.set(source, target);
  // A regional variant maps to the standard traditional form, which the table above simplifies (為 → 爲 → 为). One
  // whose standard form the table leaves alone is already simplified (才, 么) and stays as it is.
  for (const [variant, standard] of [...characterPairs(TW_VARIANTS), ...characterPairs(HK_VARIANTS)]) {
    const simplified = table.get(standard);
    if (simplified !== undefined && !table.has(variant) && simplified !== variant) table.set(variant, simplified);
  }
  return table;
}

const TABLE: ReadonlyMap<number, number> = buildTable();

// Simplified form of each character of the main Han block (U+4E00–U+9FFF), 0 for one the table leaves alone:
// folding reads one per character, and an array read is cheaper than a map lookup.
const HAN_START = 0x4e00;
const MAIN_BLOCK = new Uint16Array(0x9fff - HAN_START + 1);
for (const [source, target] of TABLE)
  if (source >= HAN_START && source <= 0x9fff) MAIN_BLOCK[source - HAN_START] = target;

/** Replaces the traditional characters in the table with their simplified forms; everything else is kept. */
export function toSimplified(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Below U+3400 (CJK Extension A) no character is in the table.
    if (code < 0x3400) continue;
    const simplified = toSimplifiedChar(code);
    if (simplified === code) continue;
    out += text.slice(from, i) + String.fromCharCode(simplified);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** {@link toSimplified} for one UTF-16 code unit (a character of the Basic Multilingual Plane). */
export function toSimplifiedChar(code: number): number {
  if (code >= HAN_START && code <= 0x9fff) return MAIN_BLOCK[code - HAN_START] || code;
  return TABLE.get(code) ?? code;
}
