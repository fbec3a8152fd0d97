import type { KnowledgeProblem } from '../errors.js';
import { countNewlines, type Located } from './locate-tokens.js';

const CHECKS: readonly { pattern: RegExp; message: (match: RegExpExecArray) => string }[] = [
  {
    pattern: /<(?:span|a)\s+(?:id|name)\s*=\s*["'][^"']*["'][^>]*>/gi,
    message: (m) => `raw HTML anchor ${m[0]} in the answer; delete it (nothing links to it here)`,
  },
  {
    pattern: /^[ \t]*(?:>[ \t]*)+([!?])/gm,
    message: (m) =>
      `Tencent notice mark ">${m[1]}" left raw; write "> ${m[1] === '!' ? '**注意 / Note:**' : '**说明 / Tip:**'}" and quote each item on its own "> - " line`,
  },
  {
    pattern: /\*\*(?:说明 \/ Tip|注意 \/ Note):\*\*[ \t]*>/g,
    message: () => 'notice items run into the notice label; put each "> - item" on its own line',
  },
  {
    pattern: /!?\[[^\]\n]*\]\(\s*<?(?![a-z][a-z0-9+.-]*:|#)([^)\s>]+)/gi,
    message: (m) =>
      `relative link "${m[1]}" cannot be followed from Slack or the console; make it an absolute https URL`,
  },
];

/** Problems in an answer's markup that the importer fixes and a hand edit may bring back, each on its own line. */
export function checkAnswerMarkup(tokens: readonly Located[], file: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const { token, line } of tokens) {
    if (token.type === 'code') continue;
    const raw = token.raw.replace(/^\n+/, '');
    for (const check of CHECKS) {
      for (const m of raw.matchAll(check.pattern)) {
        problems.push({ file, line: line + countNewlines(raw.slice(0, m.index)), message: check.message(m) });
      }
    }
  }
  return problems;
}
