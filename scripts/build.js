#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): compiles src/ to dist/ unless dist/ is already fresh,
// then stamps it. `--force` deletes dist/ and rebuilds it whole: tsc's incremental state neither notices outputs
// deleted by hand nor removes those of deleted sources.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh, writeBuildStamp } from '../bin/build-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

if (force) rmSync(join(root, 'dist'), { recursive: true, force: true });
if (!force && isBuildFresh(root)) {
  process.stdout.write('dist/ is up to date with src/\n');
} else {
  const tsc = findTsc();
  if (tsc) compile(tsc);
}

/** @param {string} tsc */
function compile(tsc) {
  const started = new Date();
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status === 0) {
    writeBuildStamp(root, started);
  } else {
    process.stderr.write('build: tsc could not compile src/ to dist/ (its messages are above)\n');
    process.exitCode = 1;
  }
}

/** @returns {string | undefined} */
function findTsc() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(
      'build: typescript (a development dependency) is not installed; install with it (`npm ci`) to build dist/, and leave development dependencies out only afterwards (`npm prune --omit=dev`)\n',
    );
    process.exitCode = 1;
    return undefined;
  }
}
