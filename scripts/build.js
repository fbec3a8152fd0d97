#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): compiles src/ to dist/ unless dist/ is already fresh,
// then stamps it. `--force` rebuilds from scratch (dropping tsc's incremental state, which does not notice
// deleted outputs).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildFresh, writeBuildStamp } from '../bin/build-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

if (force) rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
if (!force && isBuildFresh(root)) {
  process.stdout.write('dist/ is up to date with src/\n');
} else {
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status === 0) {
    writeBuildStamp(root, started);
  } else {
    process.stderr.write('build: tsc could not compile src/ to dist/ (its messages are above)\n');
    process.exitCode = 1;
  }
}
