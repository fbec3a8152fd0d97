import { normaliseText } from '../../text/normalise.js';

/** Normalised text with, for each of its characters, the offsets of the raw text it came from. */
export interface MappedText {
  text: string;
  rawStart: number[];
  rawEnd: number[];
}

const cache = new Map<string, string>();

// Normalises one character with the one normaliser; U+0001 guards (left alone by it) keep spaces and stop trimming.
function normaliseChar(char: string): string {
  let piece = cache.get(char);
  if (piece === undefined) {
    piece = normaliseText(`\u0001${char}\u0001`).slice(1, -1);
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
  // Pieces joined once at the end: testing a growing string (`endsWith`) flattens it every time.
  const out: string[] = [];
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  let spaceLast = true;
  let offset = 0;
  for (const char of raw) {
    const code = char.charCodeAt(0);
    // Printable ASCII is most of a page and is its own normal form.
    if (code > 0x20 && code < 0x7f) {
      spaceLast = false;
      out.push(char);
      rawStart.push(offset);
      rawEnd.push(offset + 1);
      offset += 1;
      continue;
    }
    for (const point of normaliseChar(char)) {
      const space = point === ' ' || /\s/.test(point);
      if (space && spaceLast) continue;
      spaceLast = space;
      out.push(space ? ' ' : point);
      // One entry per UTF-16 unit, so indexes into `text` stay aligned for astral characters.
      for (let i = 0; i < (space ? 1 : point.length); i += 1) {
        rawStart.push(offset);
        rawEnd.push(offset + char.length);
      }
    }
    offset += char.length;
  }
  if (spaceLast && out.length > 0) {
    out.pop();
    rawStart.pop();
    rawEnd.pop();
  }
  return { text: out.join(''), rawStart, rawEnd };
}
