import { normaliseText } from './normalise.js';
import { toSimplified } from './to-simplified.js';

// Anything that is not a letter, mark or digit separates words; `.` inside a domain name too.
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * Text folded for comparison: {@link normaliseText}, lower case, traditional characters made
 * simplified, and punctuation (ASCII and Chinese) turned into single spaces.
 */
export function foldText(text: string): string {
  return toSimplified(normaliseText(text).toLowerCase()).replace(NON_WORD, ' ').trim();
}
