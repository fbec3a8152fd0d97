import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BeianError, KnowledgeBaseError } from '../../../src/core/errors.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

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
