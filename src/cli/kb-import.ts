import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { BeianError, UsageError } from '../core/errors.js';
import { type DraftEntry, importFaq } from '../core/knowledge/import-faq.js';
import { readKnowledgeFolder } from '../core/knowledge/load-knowledge-base.js';
import { parseKnowledgeFile } from '../core/knowledge/parse-knowledge-file.js';
import { resolveKnowledgeDir, writeOut } from './context.js';

/** Options of `beian kb import`. */
export interface ImportCommandOptions {
  out: string;
  sourceTitle?: string[];
  sourceUrl?: string[];
  topic?: string;
  force?: boolean;
}

/** `beian kb import PAGE… --out DIR`: writes draft entries for a person to review. */
export async function runKbImport(pages: string[], options: ImportCommandOptions, command: Command): Promise<void> {
  await importPages(pages, options, resolveKnowledgeDir(command));
}

/** A draft already in the --out folder, and the page it was imported from (its provenance comment). */
interface ExistingDraft {
  path: string;
  id: string | null;
  page: string | null;
  reviewed: boolean;
}

const PROVENANCE = /<!-- Draft imported by `beian kb import` from (.+?) line \d+\./;

async function importPages(pages: readonly string[], options: ImportCommandOptions, knowledgeDir: string) {
  checkImportOptions(pages, options);
  const texts = await Promise.all(pages.map(readPage));
  const existing = await readExistingDrafts(options.out);
  const replaced = findReplaced(pages, existing, options.force === true);
  const known = await readKnownIdsAndTopics(knowledgeDir);
  const kept = existing.filter((d) => !replaced.includes(d));
  const taken = new Set([...known.ids, ...kept.flatMap((d) => [d.id ?? [], stem(d.path)].flat())]);
  const drafts: { page: string; draft: DraftEntry }[] = [];
  pages.forEach((page, i) => {
    const { drafts: found, warnings } = importFaq(texts[i] ?? '', {
      sourceTitle: pick(options.sourceTitle, i),
      sourceUrl: pick(options.sourceUrl, i),
      topic: options.topic,
      takenIds: taken,
      knownTopics: known.topics,
      fileName: basename(page),
    });
    for (const w of warnings) process.stderr.write(`${page}:${w.line}: warning: ${w.message}\n`);
    if (found.length === 0) {
      throw new BeianError(
        'import-empty',
        `No questions found in ${page}: expected headings with answer text under them.`,
      );
    }
    for (const draft of found) taken.add(draft.id);
    drafts.push(...found.map((draft) => ({ page, draft })));
  });
  await writeDrafts(options.out, drafts, replaced);
}

function checkImportOptions(pages: readonly string[], options: ImportCommandOptions): void {
  for (const url of options.sourceUrl ?? []) {
    if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new UsageError(`--source-url must be an http(s) URL, got "${url}"`);
  }
  for (const [flag, values] of [
    ['--source-url', options.sourceUrl],
    ['--source-title', options.sourceTitle],
  ] as const) {
    if (values !== undefined && values.length !== pages.length) {
      throw new UsageError(`give ${flag} once per page, in order: ${pages.length} page(s), ${values.length} ${flag}`);
    }
  }
  if (options.topic !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(options.topic)) {
    throw new UsageError(`--topic must be a kebab-case topic id like after-filing, got "${options.topic}"`);
  }
  const names = pages.map((p) => basename(p));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) {
    throw new UsageError(`two pages are named ${twice}: drafts remember their page by file name, so rename one`);
  }
}

function pick(values: readonly string[] | undefined, index: number): string | undefined {
  return values?.[index];
}

function stem(path: string): string {
  return basename(path).replace(/\.md$/, '');
}

function readPage(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError(`cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  });
}

async function readExistingDrafts(out: string): Promise<ExistingDraft[]> {
  const { files } = await readKnowledgeFolder(out).catch((error: unknown) => {
    if (error instanceof BeianError && error.code === 'knowledge-missing') return { files: [] };
    throw error;
  });
  return files.map((f) => ({
    path: join(out, f.file),
    id: parseKnowledgeFile(f.text, f.file).id?.value ?? null,
    page: PROVENANCE.exec(f.text)?.[1] ?? null,
    reviewed: /^reviewed:/m.test(f.text),
  }));
}

// The drafts --force may replace: those imported from the same page and not yet reviewed. Without --force, a page
// already imported is refused, so a second run never duplicates or silently replaces its drafts.
function findReplaced(pages: readonly string[], existing: readonly ExistingDraft[], force: boolean): ExistingDraft[] {
  const replaced: ExistingDraft[] = [];
  const refusals: string[] = [];
  for (const page of pages) {
    const own = existing.filter((d) => d.page === basename(page));
    if (own.length === 0) continue;
    const reviewed = own.filter((d) => d.reviewed);
    if (!force)
      refusals.push(
        `${page} is already imported (${own.map((d) => d.path).join(', ')}); use --force to replace its drafts`,
      );
    else if (reviewed.length > 0) {
      refusals.push(
        `${page}: ${reviewed.map((d) => d.path).join(', ')} already reviewed; move it into the knowledge folder first`,
      );
    } else replaced.push(...own);
  }
  if (refusals.length > 0) throw new UsageError(refusals.join('\n'));
  return replaced;
}

/** Ids and topics in the knowledge folder, read leniently: a half-edited folder must not stop an import. */
export async function readKnownIdsAndTopics(dir: string): Promise<{ ids: string[]; topics: string[] }> {
  const { files } = await readKnowledgeFolder(dir).catch(() => ({ files: [] }));
  const parsed = files.map((f) => parseKnowledgeFile(f.text, f.file));
  const topics = parsed.flatMap((p) => p.topic ?? []);
  return { ids: parsed.flatMap((p) => p.id?.value ?? []), topics: [...new Set(topics)].sort() };
}

async function writeDrafts(
  out: string,
  drafts: readonly { page: string; draft: DraftEntry }[],
  replaced: readonly ExistingDraft[],
): Promise<void> {
  await mkdir(out, { recursive: true });
  await Promise.all(replaced.map((d) => rm(d.path)));
  // `wx`: a file that appeared since the folder was read is an error, never overwritten.
  const paths = drafts.map(({ draft }) => join(out, `${draft.id}.md`));
  await Promise.all(drafts.map(({ draft }, i) => writeFile(paths[i] ?? '', draft.text, { flag: 'wx' })));
  const lines = drafts.map(({ draft }, i) => `wrote ${paths[i]}  ${draft.title}\n`).join('');
  const pages = new Set(drafts.map((d) => d.page)).size;
  const swap = replaced.length > 0 ? ` (replacing ${replaced.length} earlier draft(s) of the same page(s))` : '';
  const next =
    'Each needs its ## Questions, a topic if none was guessed, and a reviewed date before `beian kb lint` accepts it.';
  await writeOut(`${lines}${drafts.length} draft(s) from ${pages} page(s) in ${out}/${swap}. ${next}\n`);
}
