import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { BeianError } from '../errors.js';
import { buildKnowledgeBase, type KnowledgeFile, sortFiles } from './build-knowledge-base.js';
import type { ParseOptions } from './parse-knowledge-file.js';
import type { KnowledgeBase } from './types.js';

/** Loads and validates the knowledge folder: the one place knowledge files are read from disk. */
export async function loadKnowledgeBase(dir: string, options: ParseOptions = {}): Promise<KnowledgeBase> {
  const files = await readKnowledgeFiles(dir);
  if (files.length === 0) {
    throw new BeianError('knowledge-empty', `No knowledge files in ${dir} (expected **/*.md other than README.md).`);
  }
  return buildKnowledgeBase(files, options);
}

/** Reads every `**\/*.md` file except README.md under `dir`, sorted by path (relative, `/`-separated). */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFile[]> {
  const info = await stat(dir).catch((cause: unknown) => {
    throw new BeianError('knowledge-missing', `Knowledge folder not found: ${dir}`, { cause });
  });
  if (!info.isDirectory()) throw new BeianError('knowledge-missing', `Not a folder: ${dir}`);
  const names = (await readdir(dir, { recursive: true })).map((name) => name.split(sep).join('/'));
  const wanted = names.filter((name) => name.endsWith('.md') && !/(^|\/)readme\.md$/i.test(name));
  const files = await Promise.all(
    wanted.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })),
  );
  return sortFiles(files);
}
