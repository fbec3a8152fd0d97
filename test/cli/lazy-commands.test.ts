import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runBeian } from './run-beian.js';

// Dependencies that take tens of milliseconds each to load: only the command that uses one may load it.
const HEAVY = [
  'zod',
  'pinyin-pro',
  'fuse.js',
  'marked',
  'yaml',
  'htmlparser2',
  'kysely',
  'better-sqlite3',
  'pg',
  '@slack/bolt',
  'playwright-core',
];

// A module hook in the child that appends every package it loads to $LOADED_FILE.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const name = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url)?.[1];
  if (name) appendFileSync(process.env.LOADED_FILE, name + '\\n');
  return next(url, context);
}`;

// The module hook sees only ESM loads: this records what is taken in through require (pinyin-pro is, by createRequire).
const CJS_HOOK = `
import { appendFileSync } from 'node:fs';
import Module from 'node:module';
const load = Module._load;
Module._load = function (request, ...rest) {
  const name = /^((?:@[^/]+\\/)?[^/.][^/]*)/.exec(request)?.[1];
  if (name) appendFileSync(process.env.LOADED_FILE, name + '\\n');
  return load.call(this, request, ...rest);
};
`;

let dir: string;
let register: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beian-lazy-'));
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  register = join(dir, 'register.mjs');
  const hooks = pathToFileURL(join(dir, 'hooks.mjs')).href;
  await writeFile(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(hooks)});\n${CJS_HOOK}`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `beian ARGS` and returns the heavy packages it loaded. */
async function heavyLoaded(args: string[], name: string): Promise<string[]> {
  const loadedFile = join(dir, `${name}.txt`);
  await writeFile(loadedFile, '');
  const { code, stderr } = await runBeian(args, {
    env: {
      NODE_OPTIONS: `--import ${pathToFileURL(register).href}`,
      LOADED_FILE: loadedFile,
      BEIAN_KNOWLEDGE_DIR: join(FIXTURES, 'good'),
    },
  });
  expect(code, stderr).toBe(0);
  const loaded = new Set((await readFile(loadedFile, 'utf8')).split('\n'));
  return HEAVY.filter((pkg) => loaded.has(pkg));
}

describe('commands load their dependencies only when they run', () => {
  it.each([
    ['--help', ['--help']],
    ['check --help', ['check', '--help']],
    ['kb import --help', ['kb', 'import', '--help']],
    ['db migrate --help', ['db', 'migrate', '--help']],
  ])('beian %s loads none of the heavy packages', async (name, args) => {
    expect(await heavyLoaded(args, name.replace(/\W+/g, '-'))).toEqual([]);
  });

  it('beian ask loads what answering needs (so the hook above does see packages)', async () => {
    const loaded = await heavyLoaded(['ask', '备案号会过期吗'], 'ask');
    expect(loaded).toContain('marked');
    // fuse.js corrects misspelled words: a question in Chinese has none.
    expect(loaded).not.toContain('fuse.js');
    expect(loaded).not.toContain('@slack/bolt');
    expect(loaded).not.toContain('htmlparser2');
    expect(loaded).not.toContain('better-sqlite3');
  });
});
