import { BeianError } from '../errors.js';

const QUESTIONS_HEADING = /^##\s+questions\s*$/i;
const SECTION_HEADING = /^#{1,2}\s/;
const BULLET = /^([-*+])\s+\S/;

/**
 * Appends `questions` to the `## Questions` list of an entry file, after its last bullet and with the same
 * bullet marker and line endings, leaving every other byte as it was (so the change is a reviewable diff).
 */
export function addAlternateQuestions(text: string, questions: readonly string[], file: string): string {
  if (questions.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const heading = lines.findIndex((line) => QUESTIONS_HEADING.test(line));
  if (heading < 0) throw new BeianError('knowledge-edit', `${file}: no "## Questions" section to add alternates to`);
  let last = -1;
  let marker = '-';
  for (let i = heading + 1; i < lines.length && !SECTION_HEADING.test(lines[i] ?? ''); i += 1) {
    const bullet = BULLET.exec(lines[i] ?? '');
    if (bullet) {
      last = i;
      marker = bullet[1] ?? '-';
    }
  }
  const at = last < 0 ? heading + 1 : last + 1;
  const added = questions.map((q) => `${marker} ${q}`);
  lines.splice(at, 0, ...added);
  return lines.join(eol);
}
