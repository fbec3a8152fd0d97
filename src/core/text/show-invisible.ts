// C0 and C1 controls (ESC, CR, BEL, CSI), DEL, and format characters: bidi overrides and isolates
// (U+202A–202E, U+2066–2069), bidi marks, zero-width characters, tags. Obeyed by a terminal or a client,
// they clear the screen, write the clipboard (OSC 52), overwrite a line or reorder it; shown as code
// points, they do nothing.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** The code point as `U+XXXX`. */
export function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Shows every control and format character of untrusted text (a web page's) as `[U+XXXX]`, so the text
 * can be displayed but never obeyed. Callers turn the line breaks they allow into spaces first.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `[${codePointOf(char)}]`);
}
