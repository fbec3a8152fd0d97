// Plain JavaScript on purpose: bin/beian.js decides with it whether dist/ can run, before anything compiles TypeScript.
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build leaves its stamp; its modification time is the moment the build started reading src/. */
export const BUILD_STAMP = join('dist', '.build-stamp');

/** The compiled CLI entry, relative to the repository root. */
export const COMPILED_ENTRY = join('dist', 'cli', 'index.js');

// Compiler settings change the output too. package.json is left out: most of its edits (scripts) do not.
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

/**
 * True when dist/ holds a finished build that started after every file and folder under src/ (and the tsconfig
 * files) last changed. Folders count because adding, renaming or deleting a file changes its folder's time even
 * when the file keeps its own (`mv`, `git mv`). A checkout without src/ (shipped dist/ only) is fresh.
 * @param {string} root the repository root
 * @returns {boolean}
 */
export function isBuildFresh(root) {
  const stamp = modifiedMs(join(root, BUILD_STAMP));
  if (stamp === undefined || !existsSync(join(root, COMPILED_ENTRY))) return false;
  if (BUILD_INPUTS.some((file) => (modifiedMs(join(root, file)) ?? 0) > stamp)) return false;
  return !hasNewer(join(root, 'src'), stamp);
}

/**
 * Records a finished build that started at `started`, so files edited while it compiled still count as newer.
 * @param {string} root the repository root
 * @param {Date} started when the build began
 */
export function writeBuildStamp(root, started) {
  const file = join(root, BUILD_STAMP);
  writeFileSync(file, `dist/ compiled from src/ as it was at ${started.toISOString()}\n`);
  utimesSync(file, started, started);
}

/**
 * @param {string} path
 * @returns {number | undefined}
 */
function modifiedMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} dir
 * @param {number} stamp
 * @returns {boolean}
 */
function hasNewer(dir, stamp) {
  const own = modifiedMs(dir);
  if (own === undefined) return false;
  if (own > stamp) return true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() ? hasNewer(path, stamp) : (modifiedMs(path) ?? 0) > stamp) return true;
  }
  return false;
}
