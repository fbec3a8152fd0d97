import type { Command } from 'commander';
import { formatProblem, KnowledgeBaseError, UsageError } from '../core/errors.js';
import { labelTopic } from '../core/knowledge/topics.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { displayDir, loadKnowledgeBaseForTerminal, resolveKnowledgeDir, writeOut } from './context.js';
import { registerKbDigestCommand } from './kb-digest.js';
import { registerKbImportCommand } from './kb-import.js';
import { parseToday, reportStale } from './kb-stale.js';
import { registerKbSuggestCommand } from './kb-suggest.js';

/** Registers `beian kb lint|stats|export|import|suggest|digest`. */
export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('check, summarise, export and import the knowledge base');
  kb.command('lint')
    .description('validate every knowledge file; exit 1 listing each problem as file:line: message')
    .option('--stale', 'also list entries past due for review (reviewed + review_every) with owners; exit 1 if any')
    .option('--today <date>', 'with --stale: judge staleness on this day (YYYY-MM-DD) instead of today')
    .action(async (options: { stale?: boolean; today?: string }, command: Command) =>
      lintKnowledge(resolveKnowledgeDir(command), options),
    );
  kb.command('stats')
    .description('entries per topic and alternate questions per entry')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const base = await loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command));
      await writeOut(options.json ? `${JSON.stringify(computeStats(base))}\n` : formatStats(computeStats(base)));
    });
  kb.command('export')
    .description('print the whole knowledge base as JSON')
    .action(async (_options: unknown, command: Command) => {
      await writeOut(
        `${JSON.stringify(exportKnowledge(await loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command))))}\n`,
      );
    });
  registerKbImportCommand(kb, resolveKnowledgeDir);
  registerKbSuggestCommand(kb, resolveKnowledgeDir);
  registerKbDigestCommand(kb, resolveKnowledgeDir);
}

async function lintKnowledge(dir: string, options: { stale?: boolean; today?: string } = {}): Promise<void> {
  const shown = displayDir(dir);
  if (options.today !== undefined && !options.stale) throw new UsageError('--today needs --stale');
  const today = options.stale ? parseToday(options.today, new Date()) : null;
  try {
    const base = await loadKnowledgeBaseForTerminal(dir, { checkMarkup: true });
    await writeOut(`${shown}: ${base.entries.length} entries in ${base.topics.length} topics, no problems.\n`);
    if (today !== null) await reportStale(base, shown, today);
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    const lines = error.problems.map((p) => `${formatProblem(p)}\n`);
    await writeOut(lines.join(''));
    process.stderr.write(`${error.problems.length} problem(s) in ${shown}.\n`);
    process.exitCode = 1;
  }
}

/** Counts for `beian kb stats`. */
export interface KnowledgeStats {
  entries: number;
  topics: { topic: string; label: string; entries: number }[];
  questionsPerEntry: { min: number; avg: number; max: number };
}

/** Entries per topic (in topic order) and the spread of alternate questions per entry. */
export function computeStats(base: KnowledgeBase): KnowledgeStats {
  const counts = base.entries.map((e) => e.questions.length);
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    entries: base.entries.length,
    topics: base.topics.map((topic) => ({
      topic,
      label: labelTopic(topic),
      entries: base.entries.filter((e) => e.topic === topic).length,
    })),
    questionsPerEntry: {
      min: Math.min(...counts),
      avg: Math.round((total / Math.max(counts.length, 1)) * 10) / 10,
      max: Math.max(...counts),
    },
  };
}

function formatStats(stats: KnowledgeStats): string {
  const width = Math.max(...stats.topics.map((t) => t.topic.length));
  const q = stats.questionsPerEntry;
  return [
    `${stats.entries} entries in ${stats.topics.length} topics`,
    '',
    'Entries per topic:',
    ...stats.topics.map((t) => `  ${t.topic.padEnd(width)}  ${String(t.entries).padStart(3)}  ${t.label}`),
    '',
    `Alternate questions per entry: min ${q.min}, avg ${q.avg}, max ${q.max}`,
    '',
  ].join('\n');
}

/** The knowledge base as `beian kb export` prints it. */
export function exportKnowledge(base: KnowledgeBase) {
  return {
    entries: base.entries.map((e) => ({
      id: e.id,
      title: e.title,
      topic: e.topic,
      tags: e.tags,
      questions: e.questions,
      answer: e.answer,
      source: { title: e.source.title, url: e.source.url },
      reviewed: e.reviewed,
    })),
  };
}
