// Tabs and newlines are only HTML white space in page text: a space keeps the line ours.
const WHITE_SPACE = /[\t\n]/g;
// C0 and C1 controls (ESC, CR, BEL, CSI), DEL, and format characters: bidi overrides and isolates
// (U+202A–202E, U+2066–2069), bidi marks, zero-width characters. Obeyed, they clear the screen, write
// the clipboard (OSC 52), overwrite a line or reorder it; shown as code points, they do nothing.
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** The code point as `U+XXXX`. */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Makes text a web page controls (hrefs, link text, names and numbers as written) inert on a terminal:
 * tabs and newlines become spaces, every other control or format character is shown as `[U+XXXX]`.
 */
export function escapeTerminal(text: string): string {
  return text.replace(WHITE_SPACE, ' ').replace(CONTROL, (char) => `[${codePoint(char)}]`);
}

// The characters JSON.stringify leaves raw that a terminal would still obey or reorder by.
const JSON_UNESCAPED = /[\u007f-\u009f\p{Cf}]/gu;

/**
 * JSON.stringify, with DEL, C1 controls and format characters (which it leaves raw) written as `\uXXXX`
 * escapes too: the same value for a parser, inert on a terminal.
 */
export function stringifyForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNESCAPED, unicodeEscapes);
}

// Each UTF-16 unit as `\uXXXX` (a format character beyond U+FFFF is a surrogate pair in JSON too).
function unicodeEscapes(char: string): string {
  let escaped = '';
  for (let i = 0; i < char.length; i += 1) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return escaped;
}
