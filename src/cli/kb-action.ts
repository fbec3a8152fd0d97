import type { Command } from 'commander';
import { formatProblem, KnowledgeBaseError } from '../core/errors.js';
import { labelTopic } from '../core/knowledge/topics.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { displayDir, loadKnowledgeBaseForTerminal, resolveKnowledgeDir, writeOut } from './context.js';

/** `beian kb lint`: every problem as file:line: message, and exit 1 when there is any. */
export async function runKbLint(_options: unknown, command: Command): Promise<void> {
  await lintKnowledge(resolveKnowledgeDir(command));
}

/** `beian kb stats`: entries per topic and alternate questions per entry. */
export async function runKbStats(options: { json?: boolean }, command: Command): Promise<void> {
  const base = await loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command));
  await writeOut(options.json ? `${JSON.stringify(computeStats(base))}\n` : formatStats(computeStats(base)));
}

/** `beian kb export`: the whole knowledge base as JSON. */
export async function runKbExport(_options: unknown, command: Command): Promise<void> {
  await writeOut(
    `${JSON.stringify(exportKnowledge(await loadKnowledgeBaseForTerminal(resolveKnowledgeDir(command))))}\n`,
  );
}

async function lintKnowledge(dir: string): Promise<void> {
  const shown = displayDir(dir);
  try {
    const base = await loadKnowledgeBaseForTerminal(dir, { checkMarkup: true });
    await writeOut(`${shown}: ${base.entries.length} entries in ${base.topics.length} topics, no problems.\n`);
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
