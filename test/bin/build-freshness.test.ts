import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, COMPILED_ENTRY, isBuildFresh, writeBuildStamp } from '../../bin/build-freshness.js';

// Times are set explicitly (seconds since the epoch), so no test depends on the clock or on sleeping.
const BEFORE = 1_700_000_000;
const BUILT = BEFORE + 60;
const AFTER = BUILT + 1;

let root: string;

function put(path: string, seconds = BEFORE): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, seconds, seconds);
}

function age(path: string, seconds: number): void {
  utimesSync(join(root, path), seconds, seconds);
}

/** A checkout built at BUILT from sources last changed at BEFORE. */
function builtCheckout(): void {
  for (const file of ['src/cli/index.ts', 'src/core/footer/check-footer.ts', 'tsconfig.json', 'tsconfig.build.json']) {
    put(file);
  }
  put(COMPILED_ENTRY);
  put(BUILD_STAMP, BUILT);
  for (const dir of ['src', 'src/cli', 'src/core', 'src/core/footer']) age(dir, BEFORE);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'beian-freshness-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('isBuildFresh', () => {
  it('is fresh when the build started after every source last changed', () => {
    builtCheckout();
    expect(isBuildFresh(root)).toBe(true);
  });

  it('is stale without a build stamp (never built, or the build failed before stamping)', () => {
    builtCheckout();
    rmSync(join(root, BUILD_STAMP));
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is stale when the compiled entry is gone though the stamp is there', () => {
    builtCheckout();
    rmSync(join(root, COMPILED_ENTRY));
    expect(isBuildFresh(root)).toBe(false);
  });

  describe.each([
    ['a source file at the top', 'src/cli/index.ts'],
    ['a source file deep down', 'src/core/footer/check-footer.ts'],
    ['a folder (a file added, renamed or deleted in it)', 'src/core/footer'],
    ['src/ itself', 'src'],
    ['tsconfig.json', 'tsconfig.json'],
    ['tsconfig.build.json', 'tsconfig.build.json'],
  ])('when %s changed after the build started', (_, path) => {
    it('is stale', () => {
      builtCheckout();
      age(path, AFTER);
      expect(isBuildFresh(root)).toBe(false);
    });
  });

  it('is stale when a new source file appears after the build', () => {
    builtCheckout();
    put('src/cli/new-command.ts', AFTER);
    age('src/cli', BEFORE); // even were its folder's time kept, the file's own time counts
    expect(isBuildFresh(root)).toBe(false);
  });

  it('is fresh for a checkout that ships dist/ without src/', () => {
    builtCheckout();
    rmSync(join(root, 'src'), { recursive: true });
    expect(isBuildFresh(root)).toBe(true);
  });
});

describe('writeBuildStamp', () => {
  it('dates the stamp at the start of the build, so a file edited while tsc ran still counts as newer', () => {
    builtCheckout();
    rmSync(join(root, BUILD_STAMP));
    writeBuildStamp(root, new Date(BUILT * 1000));
    expect(statSync(join(root, BUILD_STAMP)).mtimeMs).toBe(BUILT * 1000);
    expect(isBuildFresh(root)).toBe(true);
    age('src/cli/index.ts', AFTER);
    expect(isBuildFresh(root)).toBe(false);
  });
});
