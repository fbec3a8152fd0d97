#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through `prepare`, or `npm run build`) when that build is at
// least as new as src/; otherwise the TypeScript sources through tsx, so an edited src/ never runs stale and a
// developer need not rebuild. Deciding here rather than making `npm start` and the tests rebuild covers every way
// `beian` starts (npx beian, node bin/beian.js, tests and benches spawning it); the mtime comparison costs about a
// millisecond (bench/startup.bench.ts), a rebuild seconds.
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from './build-freshness.js';

if (isBuildFresh(fileURLToPath(new URL('..', import.meta.url)))) {
  await import(new URL('../dist/cli/index.js', import.meta.url).href);
} else {
  const tsx = await import('tsx/esm/api').catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return undefined;
  });
  if (tsx) {
    tsx.register();
    await import(new URL('../src/cli/index.ts', import.meta.url).href);
  } else {
    process.stderr.write(
      'beian: dist/ is missing or older than src/, and tsx (a development dependency) is not installed to run the sources: run `npm run build`\n',
    );
    process.exitCode = 1;
  }
}
