/**
 * The one text normaliser. Everything that compares text from people or pages (the matcher, the
 * footer number grammar) starts here, so full-width digits, odd dashes and zero-width characters
 * mean the same thing everywhere.
 */

/**
 * Zero-width characters, the soft hyphen and U+0000 (which a browser's HTML parser drops from text):
 * invisible on the page, but they break a match.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is matched on purpose, to drop it as browsers do.
export const INVISIBLE_CHARACTERS = /[\u0000\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
// Dashes people and CMSs put where they mean "-" (NFKC leaves these alone).
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/g;
const SPACES = /\s+/g;

/**
 * NFKC (full-width letters, digits and punctuation to half-width, `&nbsp;` and ideographic spaces
 * to plain spaces), invisible characters removed, every dash made `-`, runs of white space made one
 * space, trimmed. Case is kept: callers that need case folding do it themselves.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE_CHARACTERS, '').replace(DASHES, '-').replace(SPACES, ' ').trim();
}
