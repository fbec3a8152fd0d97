import { execFileSync } from 'node:child_process';
import * as fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BeianError, formatProblem, KnowledgeBaseError, type KnowledgeProblem } from '../../../src/core/errors.js';
import {
  type KnowledgeFs,
  type LoadOptions,
  loadKnowledgeBase,
} from '../../../src/core/knowledge/load-knowledge-base.js';

const fixtures = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));
const empty = await mkdtemp(join(tmpdir(), 'beian-kb-empty-'));
await writeFile(join(empty, 'README.md'), '# only a readme\n');
afterAll(() => rm(empty, { recursive: true, force: true }));

describe('loadKnowledgeBase', () => {
  it('loads nested files, skipping README.md, with paths relative to the folder', async () => {
    const kb = await loadKnowledgeBase(join(fixtures, 'good'), { today: '2026-06-01' });
    expect(kb.entries.map((e) => e.file)).toEqual([
      'cancellation/restore.md',
      'cancellation/why.md',
      'display.md',
      'validity.md',
    ]);
    expect(kb.topics).toEqual(['cancellation', 'display', 'validity']);
  });

  it('rejects the broken folder with every problem, each naming its file and line', async () => {
    const error = await loadKnowledgeBase(join(fixtures, 'broken'), { today: '2026-06-01' }).catch((e) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect(error.problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`)).toEqual([
      'one.md:5',
      'two.md:2',
      'two.md:7',
      'two.md:8',
      'two.md:11',
      'two.md:14',
      'two.md:15',
      'two.md:17',
    ]);
  });

  it.each([
    ['a missing folder', join(fixtures, 'no-such-folder'), 'knowledge-missing'],
    ['a file instead of a folder', join(fixtures, 'good', 'validity.md'), 'knowledge-missing'],
    ['a folder without entries', empty, 'knowledge-empty'],
  ])('refuses %s with a clear error', async (_name, dir, code) => {
    const error = await loadKnowledgeBase(dir).catch((e) => e);
    expect(error).toBeInstanceOf(BeianError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(dir);
  });
});

// Each case is a folder holding one good entry and the one thing that once crashed or stalled the loader:
// the good entry must still be read, and the thing must become one problem naming its file.
const GOOD_ENTRY = await readFile(join(fixtures, 'good', 'validity.md'), 'utf8');
// Another valid entry: its own id and questions, so it clashes with nothing.
const entryNamed = (id: string) => GOOD_ENTRY.replace('validity-period', id).replace(/^- (.*)$/gm, `- $1 (${id})`);
const hostile = await mkdtemp(join(tmpdir(), 'beian-kb-hostile-'));
afterAll(() => rm(hostile, { recursive: true, force: true }));
let folders = 0;

async function folderWith(make: (dir: string) => Promise<void>): Promise<string> {
  folders += 1;
  const dir = join(hostile, String(folders));
  await mkdir(dir);
  await writeFile(join(dir, 'good.md'), GOOD_ENTRY);
  await make(dir);
  return dir;
}

async function problemsOf(dir: string, options: LoadOptions = {}): Promise<KnowledgeProblem[]> {
  const error = await loadKnowledgeBase(dir, { today: '2026-06-01', ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(KnowledgeBaseError);
  return [...(error as KnowledgeBaseError).problems];
}

describe('loadKnowledgeBase on a hostile folder', () => {
  it.each<[string, (dir: string) => Promise<void>, KnowledgeProblem[]]>([
    [
      'a folder named x.md',
      (dir) => mkdir(join(dir, 'x.md')),
      [{ file: 'x.md', message: 'is a folder, not a knowledge file; only files may end in .md' }],
    ],
    [
      'a symlink to /dev/zero',
      (dir) => symlink('/dev/zero', join(dir, 'zero.md')),
      [{ file: 'zero.md', message: expect.stringContaining('is a character device, not a regular file') }],
    ],
    [
      'a FIFO named .md',
      async (dir) => {
        execFileSync('mkfifo', [join(dir, 'fifo.md')]);
      },
      [{ file: 'fifo.md', message: expect.stringContaining('is a FIFO (named pipe), not a regular file') }],
    ],
    [
      'a symlink to its own folder',
      (dir) => symlink('.', join(dir, 'loop')),
      [{ file: 'loop', message: expect.stringContaining('symlink loop: this leads to the knowledge folder itself') }],
    ],
    [
      'two symlinks to its own folder (2^40 paths when followed blindly)',
      async (dir) => {
        await symlink('.', join(dir, 'a'));
        await symlink('.', join(dir, 'b'));
      },
      [
        { file: 'a', message: expect.stringContaining('symlink loop') },
        { file: 'b', message: expect.stringContaining('symlink loop') },
      ],
    ],
    [
      'a symlink from a subfolder to its parent',
      async (dir) => {
        await mkdir(join(dir, 'sub'));
        await symlink('..', join(dir, 'sub', 'up'));
      },
      [{ file: 'sub/up', message: expect.stringContaining('symlink loop') }],
    ],
    [
      'a .md symlink to itself',
      (dir) => symlink('self.md', join(dir, 'self.md')),
      [{ file: 'self.md', message: 'cannot read: symlink loop (the link never reaches a file) (ELOOP)' }],
    ],
    [
      'a broken .md symlink',
      (dir) => symlink('nowhere.md', join(dir, 'broken.md')),
      [{ file: 'broken.md', message: expect.stringContaining('cannot read: not found') }],
    ],
    [
      'a 50 MB paragraph',
      (dir) => writeFile(join(dir, 'huge.md'), `${GOOD_ENTRY}\n${'word *a* [b](c) '.repeat(3_300_000)}\n`),
      [
        {
          file: 'huge.md',
          message: expect.stringMatching(/^is \d{8} bytes; a knowledge file may hold at most 1048576/),
        },
      ],
    ],
    [
      'a 5,000-level indented list (25 MB)',
      (dir) =>
        writeFile(
          join(dir, 'list.md'),
          `${GOOD_ENTRY}\n${Array.from({ length: 5_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`,
        ),
      [{ file: 'list.md', message: expect.stringContaining('a knowledge file may hold at most 1048576 bytes') }],
    ],
  ])('reports %s as a problem of that file, and reads the rest', async (_name, make, expected) => {
    const problems = await problemsOf(await folderWith(make));
    expect(problems).toEqual(expected);
  });

  it('still lists the problems of the readable files beside an unreadable one', async () => {
    const dir = await folderWith(async (d) => {
      await mkdir(join(d, 'x.md'));
      await writeFile(join(d, 'bad.md'), entryNamed('Bad Id'));
    });
    expect((await problemsOf(dir)).map(formatProblem)).toEqual([
      'bad.md:2: id must be kebab-case (lowercase letters, digits and single dashes)',
      'x.md: is a folder, not a knowledge file; only files may end in .md',
    ]);
  });

  it('reports a file it may not read (EACCES, which root never sees) through the file-system calls given', async () => {
    const dir = await folderWith((d) => writeFile(join(d, 'secret.md'), GOOD_ENTRY));
    const denied: KnowledgeFs = {
      ...fsPromises,
      open: ((path: string, ...rest: [number]) =>
        path.endsWith('secret.md')
          ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
          : fsPromises.open(path, ...rest)) as KnowledgeFs['open'],
    };
    expect(await problemsOf(dir, { fs: denied })).toEqual([
      { file: 'secret.md', message: 'cannot read: permission denied (EACCES)' },
    ]);
  });

  it('reports a folder it may not list', async () => {
    const dir = await folderWith((d) => mkdir(join(d, 'locked')));
    const denied: KnowledgeFs = {
      ...fsPromises,
      readdir: ((path: string, options: object) =>
        path.endsWith('locked')
          ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
          : fsPromises.readdir(path, options as { withFileTypes: true })) as KnowledgeFs['readdir'],
    };
    expect(await problemsOf(dir, { fs: denied })).toEqual([
      { file: 'locked/', message: 'cannot list this folder: permission denied (EACCES)' },
    ]);
  });

  it('reads a file of exactly the size limit and refuses one byte more', async () => {
    const dir = await folderWith((d) => writeFile(join(d, 'more.md'), `${GOOD_ENTRY}\n`));
    const limit = Buffer.byteLength(GOOD_ENTRY);
    expect(await problemsOf(dir, { maxFileBytes: limit })).toEqual([
      {
        file: 'more.md',
        message: `is ${limit + 1} bytes; a knowledge file may hold at most ${limit} bytes: split it into several entries`,
      },
    ]);
  });

  it('follows symlinks to files and to folders outside the knowledge folder', async () => {
    const outside = await mkdtemp(join(hostile, 'outside-'));
    await writeFile(join(outside, 'linked.md'), entryNamed('linked'));
    const dir = await mkdtemp(join(hostile, 'links-'));
    await symlink(join(outside, 'linked.md'), join(dir, 'file.md'));
    await symlink(outside, join(dir, 'shared'));
    const error = await loadKnowledgeBase(dir, { today: '2026-06-01' }).catch((e: unknown) => e);
    // Read twice (through each link), so the second copy is a duplicate: proof both links were followed.
    expect((error as KnowledgeBaseError).problems.map(formatProblem)).toContain(
      'shared/linked.md:2: duplicate id "linked": file.md:2 and shared/linked.md:2 both use it',
    );
  });
});
