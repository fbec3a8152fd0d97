import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BeianError, UsageError } from '../core/errors.js';
import { buildKnowledgeBase } from '../core/knowledge/build-knowledge-base.js';
import { readKnowledgeFolder } from '../core/knowledge/load-knowledge-base.js';
import { addAlternateQuestions } from '../core/learn/apply-alternates.js';
import { type AlternateSuggestion, type SuggestReport, suggestFromTraffic } from '../core/learn/suggest.js';
import { readEvidence } from '../store/read-evidence.js';
import { loadKnowledgeBaseForTerminal, resolveKnowledgeDir, writeOut } from './context.js';
import { openCommandStore } from './db.js';

interface SuggestCommandOptions {
  json?: boolean;
  days?: string;
  apply?: boolean;
  only?: string;
  dataDir?: string;
}

/** `beian kb suggest [--apply]`: the review list from traffic, or the chosen alternates written into entries. */
export async function runKbSuggest(options: SuggestCommandOptions, command: Command): Promise<void> {
  if (options.only !== undefined && !options.apply) throw new UsageError('--only needs --apply');
  const since = sinceDays(options.days, new Date());
  const dir = resolveKnowledgeDir(command);
  const kb = await loadKnowledgeBaseForTerminal(dir);
  const store = await openCommandStore(options);
  const evidence = await readEvidence(store, since).finally(() => store.close());
  const report = suggestFromTraffic({ kb, ...evidence });
  if (!options.apply) {
    await writeOut(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatSuggestions(report));
    return;
  }
  const chosen = chooseAlternates(report.alternates, options.only);
  const changed = await applyAlternates(dir, chosen);
  await writeOut(
    chosen.length === 0
      ? 'No alternate questions to add.\n'
      : `Added ${chosen.length} alternate question(s) to ${changed.length} file(s): ${changed.join(', ')}.\n` +
          'Review the change (git diff), then commit it.\n',
  );
}

/** The ISO time `--days N` reaches back to from `now`; undefined without the option. */
export function sinceDays(value: string | undefined, now: Date): string | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days < 1) {
    throw new UsageError(`--days expects a whole number of days (1 or more), not "${value}"`);
  }
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

function chooseAlternates(all: readonly AlternateSuggestion[], only: string | undefined): AlternateSuggestion[] {
  if (only === undefined) return [...all];
  const keys = only
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = keys.filter((k) => !all.some((a) => a.key === k));
  if (unknown.length > 0) {
    throw new UsageError(
      `--only names alternates not in the review list: ${unknown.join(', ')} (run \`beian kb suggest\` to see the keys)`,
    );
  }
  return all.filter((a) => keys.includes(a.key));
}

/**
 * Adds `alternates` to their entry files in `dir`. The whole folder is validated as `kb lint` does before
 * anything is written: on any problem nothing changes. Resolves with the files changed.
 */
export async function applyAlternates(dir: string, alternates: readonly AlternateSuggestion[]): Promise<string[]> {
  const byFile = new Map<string, string[]>();
  for (const a of alternates) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a.question]);
  const folder = await readKnowledgeFolder(dir);
  const missing = [...byFile.keys()].filter((file) => !folder.files.some((f) => f.file === file));
  if (missing.length > 0) {
    throw new BeianError('knowledge-edit', `Entry file(s) gone since the review list was made: ${missing.join(', ')}`);
  }
  const files = folder.files.map((f) => {
    const added = byFile.get(f.file);
    return added
      ? { ...f, text: addAlternateQuestions(f.text, added, f.file), changed: true }
      : { ...f, changed: false };
  });
  // Throws a KnowledgeBaseError listing every problem; the CLI prints it as one message.
  buildKnowledgeBase(files, { checkMarkup: true }, folder.problems);
  const changed = files.filter((f) => f.changed);
  for (const f of changed) await writeFile(join(dir, f.file), f.text);
  return changed.map((f) => f.file);
}

/** The review list as plain text for the terminal. */
export function formatSuggestions(report: SuggestReport): string {
  const lines: string[] = ['New alternate questions (asked, then resolved by that entry):'];
  if (report.alternates.length === 0) lines.push('  (none)');
  for (const a of report.alternates) {
    lines.push(
      `  [${a.key}] ${a.file}`,
      `      + ${a.question}   (${plural(a.people, 'person', 'people')}, ${a.via.join('/')})`,
    );
    for (const e of a.examples.slice(1, 4)) lines.push(`        also: ${e}`);
  }
  lines.push('', 'Candidate new entries (similar unanswered questions, at least two people):');
  if (report.candidates.length === 0) lines.push('  (none)');
  for (const c of report.candidates) {
    const near = c.nearestEntryId ? `; nearest: ${c.nearestEntryId}` : '';
    lines.push(`  ${String(c.count).padStart(4)}× by ${plural(c.people, 'person', 'people')}${near}`);
    for (const e of c.examples) lines.push(`        ${e}`);
  }
  lines.push('', 'Entries often 👎 or escalated (👎 not helpful, 🙋 need a person, 👍 helpful, ✅ solved):');
  if (report.troubled.length === 0) lines.push('  (none)');
  for (const t of report.troubled) {
    lines.push(`  ${t.entryId} (${t.file})  👎 ${t.notHelpful}  🙋 ${t.needPerson}  👍 ${t.helpful}  ✅ ${t.solved}`);
    for (const q of t.questions) lines.push(`        asked: ${q}`);
  }
  if (report.alternates.length > 0) {
    lines.push('', 'Add them with `beian kb suggest --apply` (or --apply --only KEY,KEY).');
  }
  return `${lines.join('\n')}\n`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
