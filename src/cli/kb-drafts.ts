import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { draftPath, renderDraft } from '../core/knowledge/capture-draft.js';
import type { SavedDraft } from '../store/draft-store.js';
import { resolveKnowledgeDir, writeOut } from './context.js';
import { type DatabaseOptions, openCommandStore } from './db.js';
import { readKnownIdsAndTopics } from './kb-import.js';

/** `beian kb drafts list`: the captured drafts, oldest first. */
export async function runKbDraftsList(options: DatabaseOptions & { json?: boolean }): Promise<void> {
  const all = await readDrafts(options);
  if (options.json) await writeOut(`${JSON.stringify({ drafts: all })}\n`);
  else await writeOut(formatList(all));
}

/** `beian kb drafts export DIR`: each draft as a knowledge file, never overwriting one. */
export async function runKbDraftsExport(dir: string, options: DatabaseOptions, command: Command): Promise<void> {
  await exportDrafts(dir, await readDrafts(options), resolveKnowledgeDir(command));
}

async function readDrafts(options: DatabaseOptions): Promise<SavedDraft[]> {
  const store = await openCommandStore(options);
  try {
    return await store.drafts.list();
  } finally {
    await store.close();
  }
}

function formatList(drafts: readonly SavedDraft[]): string {
  if (drafts.length === 0)
    return 'No drafts. Save one from Slack: “Save as FAQ answer” on a message, or react with 📖.\n';
  const lines = drafts.map(
    (d) => `${d.id}  [${d.topic}]  ${d.title}\n    saved ${d.at.slice(0, 10)} by ${d.user} · ${d.source.url}\n`,
  );
  return `${lines.join('')}${drafts.length} draft(s). Export them with \`beian kb drafts export DIR\`.\n`;
}

// Files are created, never replaced (`wx`); a draft whose id the knowledge base has now is not written again.
async function exportDrafts(dir: string, drafts: readonly SavedDraft[], knowledgeDir: string): Promise<void> {
  const known = new Set((await readKnownIdsAndTopics(knowledgeDir)).ids);
  const report: string[] = [];
  let written = 0;
  for (const draft of drafts) {
    const path = join(dir, draftPath(draft));
    if (known.has(draft.id)) {
      report.push(`kept ${draft.id}: the knowledge base already has an entry with this id\n`);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, renderDraft(draft, null).text, { flag: 'wx' });
      report.push(`wrote ${path}  ${draft.title}\n`);
      written += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      report.push(`kept ${path}: it exists already, so it was not overwritten\n`);
    }
  }
  const next =
    written > 0
      ? ' Check each against its source, add `reviewed: YYYY-MM-DD` to its front matter, run `beian kb lint`, and commit.'
      : '';
  await writeOut(`${report.join('')}${written} of ${drafts.length} draft(s) written to ${dir}/.${next}\n`);
}
