import { createInterface } from 'node:readline';
import type { BotCore } from '../core/bot-core.js';
import { labelTopic } from '../core/knowledge/topics.js';
import type { Suggestion } from '../core/match/types.js';
import type { TrafficLog } from '../store/ports.js';
import { recordConsoleAsked, recordConsolePicked, today } from './console-traffic.js';
import { formatFooterReport } from './format-footer-report.js';
import { renderAnswer, renderEntry } from './render-answer.js';
import type { Style } from './render-markdown.js';

/** Where the console reads and writes; tests pipe both. */
export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  style: Style;
  /** ANSI colour in footer reports. */
  color: boolean;
  /** Show a `> ` prompt (a person at a terminal, not a pipe). */
  prompt: boolean;
  /** Footer checks run at once ($BEIAN_CHECK_CONCURRENCY). */
  concurrency: number;
  /** The clock answers are judged fresh or past due by; default the system clock. */
  now?: () => Date;
  /** Where questions and picked suggestions are recorded for `beian kb suggest`; absent, nothing is. */
  traffic?: TrafficLog;
}

interface Session {
  core: BotCore;
  io: ConsoleIo;
  suggestions: readonly Suggestion[];
}

const HELP = [
  'Type a question in Chinese or English, e.g. 备案号会过期吗 or "does the filing number expire".',
  '  1, 2, 3              show that suggestion from the last answer',
  '  /faq QUESTION        the same as typing the question',
  '  /footer-check SITE…  check homepage footers for the filing number, e.g. /footer-check example.com',
  '  /topics              what the knowledge base covers',
  '  /help                this help',
  '  /quit                leave (so does Ctrl-D)',
].join('\n');

/** The local console `npm start` runs without Slack credentials: a question per line until /quit or EOF. */
export async function runConsole(core: BotCore, io: ConsoleIo): Promise<void> {
  const session: Session = { core, io, suggestions: [] };
  // A terminal gets readline's line editing and prompt; a pipe gets plain lines and no prompt noise.
  const lines = io.prompt
    ? createInterface({ input: io.input, output: io.output, terminal: true, prompt: '> ' })
    : createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  lines.on('SIGINT', () => lines.close());
  write(io, `${greeting(core)}\n`);
  if (io.prompt) lines.prompt();
  for await (const line of lines) {
    const input = line.trim();
    if (input === '/quit' || input === '/exit') break;
    if (input !== '') await runTurn(session, input);
    if (io.prompt) lines.prompt();
  }
  lines.close();
}

function greeting(core: BotCore): string {
  return [
    `beian console: ICP filing (备案) answers from ${core.kb.entries.length} FAQ entries, and homepage footer checks.`,
    'Ask a question, or type /help.',
  ].join('\n');
}

async function runTurn(session: Session, input: string): Promise<void> {
  try {
    write(session.io, `${await respond(session, input)}\n\n`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    write(session.io, `Sorry, that did not work: ${reason}\n\n`);
  }
}

async function respond(session: Session, input: string): Promise<string> {
  const [command = '', ...rest] = input.split(/\s+/);
  const argument = input.slice(command.length).trim();
  if (/^\d+$/.test(input)) return showSuggestion(session, Number(input));
  if (command === '/help') return HELP;
  if (command === '/topics') return listTopics(session.core);
  if (command === '/faq') return argument === '' ? 'Usage: /faq QUESTION' : answer(session, argument);
  if (command === '/footer-check') return checkFooters(session, rest);
  if (command.startsWith('/')) return `Unknown command ${command}. Type /help to see what I can do.`;
  return answer(session, input);
}

async function answer(session: Session, question: string): Promise<string> {
  const result = session.core.matcher.match(question);
  session.suggestions = result.suggestions;
  await recordConsoleAsked(session.io, result);
  return renderAnswer(result, session.core.kb, session.io.style, today(session.io));
}

async function showSuggestion(session: Session, n: number): Promise<string> {
  const suggestion = session.suggestions[n - 1];
  if (suggestion === undefined) {
    const count = session.suggestions.length;
    return count === 0
      ? `There is no suggestion ${n}: ask a question first.`
      : `There is no suggestion ${n}; pick 1 to ${count}.`;
  }
  const entry = session.core.kb.byId.get(suggestion.id);
  if (entry) await recordConsolePicked(session.io, entry.id);
  return entry
    ? renderEntry(entry, session.io.style, today(session.io))
    : `Entry ${suggestion.id} is not in the knowledge base.`;
}

function listTopics(core: BotCore): string {
  return core.kb.topics
    .map((topic) => {
      const titles = core.kb.entries.filter((e) => e.topic === topic).map((e) => `  • ${e.title}`);
      return [labelTopic(topic), ...titles].join('\n');
    })
    .join('\n\n');
}

async function checkFooters(session: Session, targets: readonly string[]): Promise<string> {
  if (targets.length === 0) return 'Usage: /footer-check SITE… (a domain or URL, e.g. /footer-check example.com)';
  const reports = await mapWithLimit(targets, session.io.concurrency, (target) => session.core.checkFooter(target));
  return reports.map((report) => formatFooterReport(report, { color: session.io.color })).join('\n\n');
}

async function mapWithLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await run(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function write(io: ConsoleIo, text: string): void {
  io.output.write(text);
}
