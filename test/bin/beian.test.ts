import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BUILD_STAMP, COMPILED_ENTRY } from '../../bin/build-freshness.js';
import { ROOT, runNodeScript } from '../cli/run-beian.js';

// A stand-in checkout around the real bin/ files: a compiled entry and a TypeScript one that say which ran.
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'beian-bin-'));
  mkdirSync(join(root, 'bin'));
  for (const file of ['beian.js', 'build-freshness.js']) copyFileSync(join(ROOT, 'bin', file), join(root, 'bin', file));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(root, COMPILED_ENTRY), "console.log('compiled', process.argv.slice(2).join(' '));\n");
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  // The type annotation makes this file run only through a TypeScript loader.
  writeFileSync(
    join(root, 'src/cli/index.ts'),
    "const from: string = 'sources';\nconsole.log(from, process.argv.slice(2).join(' '));\n",
  );
  for (const path of ['src/cli/index.ts', 'src/cli', 'src']) utimesSync(join(root, path), 1_700_000_000, 1_700_000_000);
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function stamp(seconds: number): void {
  writeFileSync(join(root, BUILD_STAMP), '');
  utimesSync(join(root, BUILD_STAMP), seconds, seconds);
}

function runBin() {
  return runNodeScript(join(root, 'bin/beian.js'), ['--help'], { cwd: root });
}

it('runs the compiled CLI, with its arguments, when the build is newer than src/', async () => {
  stamp(1_700_000_060);
  expect(await runBin()).toMatchObject({ code: 0, stdout: 'compiled --help\n' });
});

it('runs the sources through tsx when src/ changed after the build', async () => {
  stamp(1_699_999_940);
  expect(await runBin()).toMatchObject({ code: 0, stdout: 'sources --help\n' });
});

it('runs the sources through tsx when there is no build at all', async () => {
  expect(await runBin()).toMatchObject({ code: 0, stdout: 'sources --help\n' });
});

it('says to build, in one line and without a stack trace, when the build is stale and tsx is not installed', async () => {
  stamp(1_699_999_940);
  rmSync(join(root, 'node_modules'));
  const run = await runBin();
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    'beian: dist/ is missing or older than src/, and tsx (a development dependency) is not installed to run the sources: run `npm run build`\n',
  );
});
