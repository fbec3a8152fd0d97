import { showInvisible } from '../core/text/show-invisible.js';

// Tabs and newlines are only HTML white space in page text: a space keeps the line ours.
const WHITE_SPACE = /[\t\n]/g;
/**
 * Makes text a web page controls (hrefs, link text, names and numbers as written) inert on a terminal:
 * tabs and newlines become spaces, every other control or format character is shown as `[U+XXXX]`.
 */
export function escapeTerminal(text: string): string {
  return showInvisible(text.replace(WHITE_SPACE, ' '));
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
