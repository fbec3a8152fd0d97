import { normaliseText } from '../../text/normalise.js';

/** Normalised text with, for each of its characters, the offsets of the raw text it came from. */
export interface MappedText {
  text: string;
  rawStart: number[];
  rawEnd: number[];
}

const cache = new Map<string, string>();

// Normalises one character with the one normaliser; NUL guards keep spaces and stop trimming.
function normaliseChar(char: string): string {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code > 0x20 && code < 0x7f) return char;
  let piece = cache.get(char);
  if (piece === undefined) {
    piece = normaliseText(`\0${char}\0`).slice(1, -1);
    cache.set(char, piece);
  }
  return piece;
}

/**
 * `normaliseText` applied character by character, keeping where each output character came from,
 * so a number found in normalised text can be traced back to the DOM text nodes it was read from.
 * The result equals `normaliseText(raw)` except for composing sequences, which never occur in numbers.
 */
export function normaliseWithOffsets(raw: string): MappedText {
  let text = '';
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  let offset = 0;
  for (const char of raw) {
    const piece = normaliseChar(char);
    for (const out of piece) {
      const space = /\s/.test(out);
      if (space && (text === '' || text.endsWith(' '))) continue;
      text += space ? ' ' : out;
      // One entry per UTF-16 unit, so indexes into `text` stay aligned for astral characters.
      for (let unit = 0; unit < (space ? 1 : out.length); unit += 1) {
        rawStart.push(offset);
        rawEnd.push(offset + char.length);
      }
    }
    offset += char.length;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    rawStart.pop();
    rawEnd.pop();
  }
  return { text, rawStart, rawEnd };
}
