import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { BeianError, type KnowledgeProblem } from '../errors.js';
import type { KnowledgeFile } from './build-knowledge-base.js';
import type { ParseOptions } from './parse-knowledge-file.js';
import { sortFiles } from './sort-files.js';
import type { KnowledgeBase } from './types.js';

/**
 * The largest knowledge file read, in bytes: about 200 times the largest entry today (5 KB), yet small
 * enough that markdown and YAML parsing stay well under a second and a few megabytes.
 */
export const MAX_KNOWLEDGE_FILE_BYTES = 1024 * 1024;

/** The file-system calls the loader makes; a stand-in lets tests cause failures that root never sees. */
export type KnowledgeFs = Pick<typeof nodeFs, 'stat' | 'readdir' | 'open'>;

/** Options for loading the knowledge folder. */
export interface LoadOptions extends ParseOptions {
  /** The largest file read, in bytes; default {@link MAX_KNOWLEDGE_FILE_BYTES}. */
  maxFileBytes?: number;
  /** File-system calls; default `node:fs/promises`. */
  fs?: KnowledgeFs;
}

/** The knowledge files read from a folder, and a problem for each one that could not be read. */
export interface KnowledgeFolder {
  files: KnowledgeFile[];
  problems: KnowledgeProblem[];
}

/** Loads and validates the knowledge folder: the one place knowledge files are read from disk. */
export async function loadKnowledgeBase(dir: string, options: LoadOptions = {}): Promise<KnowledgeBase> {
  const { files, problems } = await readKnowledgeFolder(dir, options);
  if (files.length === 0 && problems.length === 0) {
    throw new BeianError('knowledge-empty', `No knowledge files in ${dir} (expected **/*.md other than README.md).`);
  }
  // Loaded here, not at start: a caller that only reads the folder (the CLI's knowledge cache) need not pay for
  // the markdown, YAML and schema libraries the parser brings.
  const { buildKnowledgeBase } = await import('./build-knowledge-base.js');
  return buildKnowledgeBase(files, options, problems);
}

/**
 * Reads every `**\/*.md` file except README.md under `dir`, sorted by path (relative, `/`-separated).
 * Only regular files are read, at most `maxFileBytes` each; symlinks are followed to files and to folders
 * not read yet; anything else named `.md` (a folder, a FIFO, a device, a loop) becomes a problem.
 */
export async function readKnowledgeFolder(dir: string, options: LoadOptions = {}): Promise<KnowledgeFolder> {
  const fs = options.fs ?? nodeFs;
  const info = await fs.stat(dir).catch((cause: unknown) => {
    throw new BeianError('knowledge-missing', `Knowledge folder not found: ${dir}`, { cause });
  });
  if (!info.isDirectory()) throw new BeianError('knowledge-missing', `Not a folder: ${dir}`);
  const walk: Walk = {
    fs,
    dir,
    maxBytes: options.maxFileBytes ?? MAX_KNOWLEDGE_FILE_BYTES,
    folders: new Map([[identity(info), '.']]),
    pending: [''],
    files: [],
    problems: [],
  };
  // An explicit stack, not recursion: folder depth is whatever the disk holds.
  for (let folder = walk.pending.pop(); folder !== undefined; folder = walk.pending.pop()) {
    await readFolder(walk, folder);
  }
  return { files: sortFiles(walk.files), problems: walk.problems };
}

interface Walk {
  fs: KnowledgeFs;
  dir: string;
  maxBytes: number;
  /** Every folder entered, by device and inode, with the path it was first read under: loops end here. */
  folders: Map<string, string>;
  pending: string[];
  files: KnowledgeFile[];
  problems: KnowledgeProblem[];
}

async function readFolder(walk: Walk, folder: string): Promise<void> {
  const entries = await walk.fs.readdir(join(walk.dir, folder), { withFileTypes: true }).catch((error: unknown) => {
    walk.problems.push({ file: folder === '' ? '.' : `${folder}/`, message: `cannot list this folder: ${why(error)}` });
    return [];
  });
  for (const entry of entries) {
    const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
    const wanted = entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name);
    // Only folders and symlinks may lead to knowledge files: anything else not named .md is not even stat'ed.
    if (wanted || entry.isDirectory() || entry.isSymbolicLink()) await readEntry(walk, file, wanted);
  }
}

async function readEntry(walk: Walk, file: string, wanted: boolean): Promise<void> {
  const path = join(walk.dir, file);
  let info: Stats;
  try {
    info = await walk.fs.stat(path);
  } catch (error) {
    if (wanted) walk.problems.push({ file, message: `cannot read: ${why(error)}` });
    return;
  }
  if (info.isDirectory()) {
    if (wanted) walk.problems.push({ file, message: 'is a folder, not a knowledge file; only files may end in .md' });
    else enterFolder(walk, file, info);
  } else if (wanted && !info.isFile()) {
    walk.problems.push({
      file,
      message: `is ${describeType(info)}, not a regular file; knowledge files must be plain files`,
    });
  } else if (wanted) {
    const read = await readCapped(walk.fs, path, walk.maxBytes);
    if (typeof read === 'string') walk.files.push({ file, text: read });
    else walk.problems.push({ file, message: read.problem });
  }
}

function enterFolder(walk: Walk, file: string, info: Stats): void {
  const seen = walk.folders.get(identity(info));
  if (seen !== undefined) {
    const folder = seen === '.' ? 'the knowledge folder itself' : `the folder ${seen}`;
    walk.problems.push({ file, message: `symlink loop: this leads to ${folder}, which is already read` });
    return;
  }
  walk.folders.set(identity(info), file);
  walk.pending.push(file);
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

// Opened non-blocking and checked again on the open handle, so a file swapped for a FIFO or a device
// after the stat still cannot stall or flood the read; never more than maxBytes + 1 bytes are read.
async function readCapped(fs: KnowledgeFs, path: string, maxBytes: number): Promise<string | { problem: string }> {
  let handle: nodeFs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: `cannot read: ${why(error)}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: `is ${describeType(info)}, not a regular file` };
    if (info.size > maxBytes) return { problem: tooLarge(info.size, maxBytes) };
    let buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // Grown since its stat (or a size the kernel does not know): one byte over the cap is enough.
        if (length > maxBytes) return { problem: tooLarge(length, maxBytes, 'more than ') };
        const larger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    return { problem: `cannot read: ${why(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(size: number, maxBytes: number, more = ''): string {
  return `is ${more}${size} bytes; a knowledge file may hold at most ${maxBytes} bytes: split it into several entries`;
}

function describeType(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symlink loop (the link never reaches a file)',
  ENOENT: 'not found (a broken symlink, or removed while reading)',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return `${REASONS[code]} (${code})`;
  return code ?? (error instanceof Error ? error.message : String(error));
}
