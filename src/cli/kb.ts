import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { BeianError, formatProblem, KnowledgeBaseError, UsageError } from '../core/errors.js';
import { importFaq } from '../core/knowledge/import-faq.js';
import { readKnowledgeFolder } from '../core/knowledge/load-knowledge-base.js';
import { parseKnowledgeFile } from '../core/knowledge/parse-knowledge-file.js';
import { labelTopic } from '../core/knowledge/topics.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { displayDir, loadKnowledgeBaseForTerminal, resolveKnowledgeDir, writeOut } from './context.js';

/** Registers `beian kb lint|stats|export|import`. */
export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('check, summarise, export and import the knowledge base');
  kb.command('lint')
    .description('validate every knowledge file; exit 1 listing each problem as file:line: message')
    .action(async (_options: unknown, command: Command) => lintKnowledge(resolveKnowledgeDir(command)));
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
  kb.command('import')
    .description("turn a provider's FAQ page (markdown) into draft entries for a person to review")
    .argument('<file>', 'the FAQ page, markdown')
    .option('--out <dir>', 'where to write the drafts', 'drafts')
    .option('--source-title <title>', "source.title for the drafts (default: the page's front-matter title)")
    .option('--source-url <url>', 'source.url for the drafts; relative links and images are resolved against it')
    .option('--topic <topic>', 'topic for every draft (default: guessed per question, or left for the reviewer)')
    .option('--force', 'overwrite drafts that already exist in --out')
    .addHelpText(
      'after',
      '\nExample:\n  beian kb import faq.md --source-url https://cloud.tencent.com/document/product/243 --out drafts',
    )
    .action(async (file: string, options: ImportCommandOptions, command: Command) =>
      importDrafts(file, options, resolveKnowledgeDir(command)),
    );
}

async function lintKnowledge(dir: string): Promise<void> {
  const shown = displayDir(dir);
  try {
    const base = await loadKnowledgeBaseForTerminal(dir);
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

interface ImportCommandOptions {
  out: string;
  sourceTitle?: string;
  sourceUrl?: string;
  topic?: string;
  force?: boolean;
}

async function importDrafts(file: string, options: ImportCommandOptions, knowledgeDir: string): Promise<void> {
  checkImportOptions(options);
  const { drafts, warnings } = importFaq(await readPage(file), {
    ...options,
    fileName: basename(file),
    takenIds: await readTakenIds(knowledgeDir),
  });
  for (const w of warnings) process.stderr.write(`${file}:${w.line}: warning: ${w.message}\n`);
  if (drafts.length === 0) {
    throw new BeianError(
      'import-empty',
      `No questions found in ${file}: expected headings with answer text under them.`,
    );
  }
  const files = drafts.map((draft) => ({ draft, path: join(options.out, `${draft.id}.md`) }));
  if (!options.force) await refuseExisting(files.map((f) => f.path));
  await mkdir(options.out, { recursive: true });
  await Promise.all(files.map((f) => writeFile(f.path, f.draft.text)));
  const lines = files.map((f) => `wrote ${f.path}  ${f.draft.title}\n`).join('');
  const next =
    'Each needs its ## Questions and a reviewed date before `beian kb lint` accepts it in the knowledge folder.';
  await writeOut(`${lines}${drafts.length} draft(s) in ${options.out}/. ${next}\n`);
}

function readPage(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError(`cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  });
}

function checkImportOptions(options: ImportCommandOptions): void {
  if (options.sourceUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(options.sourceUrl)) {
    throw new UsageError(`--source-url must be an http(s) URL, got "${options.sourceUrl}"`);
  }
  if (options.topic !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(options.topic)) {
    throw new UsageError(`--topic must be a kebab-case topic id like after-filing, got "${options.topic}"`);
  }
}

// Ids in the knowledge folder, read leniently: a half-edited folder must not stop an import.
async function readTakenIds(dir: string): Promise<string[]> {
  const files = await readKnowledgeFolder(dir).then(
    (folder) => folder.files,
    () => [],
  );
  return files.flatMap((f) => parseKnowledgeFile(f.text, f.file).id?.value ?? []);
}

async function refuseExisting(paths: readonly string[]): Promise<void> {
  const existing = await Promise.all(
    paths.map((p) =>
      access(p).then(
        () => p,
        () => null,
      ),
    ),
  );
  const clashes = existing.filter((p): p is string => p !== null);
  if (clashes.length > 0) {
    throw new UsageError(`drafts already exist (use --force to overwrite): ${clashes.join(', ')}`);
  }
}
