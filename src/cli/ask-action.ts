import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { toAnswerJson } from '../core/knowledge/answer-json.js';
import { chooseOutputStyle, createCommandMatcher, loadCommandKnowledgeBase, writeOut } from './context.js';
import { renderAnswer } from './render-answer.js';

/** Options of `beian ask`. */
export interface AskOptions {
  json?: boolean;
}

/** `beian ask [QUESTION]`: one answer, or one per stdin line when no question is given. */
export async function runAsk(words: string[], options: AskOptions, command: Command): Promise<void> {
  const kb = await loadCommandKnowledgeBase(command);
  const matcher = createCommandMatcher(kb);
  const style = chooseOutputStyle(process.stdout);
  const answer = (question: string) => {
    const result = matcher.match(question);
    return options.json ? `${JSON.stringify(toAnswerJson(result))}\n` : `${renderAnswer(result, kb, style)}\n`;
  };
  if (words.length === 0) await answerLines(answer, options.json === true);
  else await writeOut(answer(askedQuestion(words)));
}

function askedQuestion(words: readonly string[]): string {
  const question = words.join(' ').trim();
  if (question === '') throw new UsageError('the question is empty; ask something, e.g. beian ask "备案号会过期吗"');
  return question;
}

async function answerLines(answer: (question: string) => string, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    const text = answer(question);
    // Text answers span lines: a rule between them keeps a batch readable. JSON Lines need none.
    await writeOut(first || json ? text : `\n${'─'.repeat(40)}\n\n${text}`);
    first = false;
  }
}
