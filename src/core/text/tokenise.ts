/** A run of Han characters, or a run of other letters and digits (Latin words, numbers). */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu;

/**
 * Splits folded text into terms: Chinese runs into overlapping character bigrams (a run of one
 * character is kept as it is), other runs into whole words. `Intl.Segmenter` is not used because
 * it cuts domain words such as 注销 and 空壳 into single characters.
 */
export function tokeniseText(folded: string): string[] {
  const terms: string[] = [];
  for (const m of folded.matchAll(RUN)) {
    if (m[1] !== undefined) pushBigrams(m[1], terms);
    else if (m[2] !== undefined) terms.push(m[2]);
  }
  return terms;
}

function pushBigrams(run: string, terms: string[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    terms.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i]}${chars[i + 1]}`);
}
