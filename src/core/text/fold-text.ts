import { normaliseText } from './normalise.js';
import { toSimplified, toSimplifiedChar } from './to-simplified.js';

// Anything that is not a letter, mark or digit separates words; `.` inside a domain name too.
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
const SPACE = 32;
// Typed arrays are little-endian on every platform Node runs on.
const UTF16 = new TextDecoder('utf-16le');
// Reused by every fold (decoding copies out of it): a fresh array per text was much of the time to fold many short ones.
let scratch = new Uint16Array(1024);

/**
 * Text folded for comparison: {@link normaliseText}, lower case, traditional characters made
 * simplified, and punctuation (ASCII and Chinese) turned into single spaces.
 */
export function foldText(text: string): string {
  return foldPlain(text) ?? toSimplified(normaliseText(text).toLowerCase()).replace(NON_WORD, ' ').trim();
}

// The same result in one pass for text made only of ASCII, the main block of Han characters and common
// punctuation, which NFKC leaves as it is or turns into other punctuation (a separator either way); undefined for
// anything else. Indexing a large knowledge base folds megabytes of answers, and the general path's regular
// expressions were most of that time.
function foldPlain(text: string): string | undefined {
  if (scratch.length < text.length) scratch = new Uint16Array(Math.max(text.length, scratch.length * 2));
  const out = scratch;
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fff);
    if (!word) {
      if (c >= 0x80 && !isPlainPunctuation(c)) return undefined;
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) out[n++] = SPACE;
    pendingSpace = false;
    out[n++] = c >= 0x4e00 ? toSimplifiedChar(c) : c;
  }
  return UTF16.decode(out.subarray(0, n));
}

function isPlainPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x3004) ||
    (c >= 0x3008 && c <= 0x3020) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff5e) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2026
  );
}
