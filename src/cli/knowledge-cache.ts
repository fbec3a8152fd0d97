import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Token } from 'marked';
import { readKnowledgeFolder } from '../core/knowledge/load-knowledge-base.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import { readCommonCharacters, rememberReadings } from '../core/match/sound-alike.js';
import { loadKnowledgeBaseForTerminal } from './context.js';
import { lexMarkdown, rememberTokens } from './render-markdown.js';

/** The cache file `beian ask` keeps in the data folder. */
export const KNOWLEDGE_CACHE_FILE = 'knowledge-cache.json';

const FORMAT = 3;
// The libraries whose reading of markdown and YAML the entries depend on, and the pinyin dictionary.
const PARSER_LIBRARIES = ['marked', 'yaml', 'zod', 'pinyin-pro'];

interface CacheFile {
  format: number;
  key: string;
  entries: Entry[];
  /** Parallel to entries: each answer as {@link lexMarkdown} lexes it, so answering needs no lexing. */
  answerTokens: Token[][];
  /** Each common Han character's readings, so the matcher's sound index needs no pinyin-pro (a 50 ms load). */
  readings: Record<string, string[]>;
}

/**
 * Loads the knowledge base as {@link loadKnowledgeBaseForTerminal} does, through a cache in `dataDir`: the
 * entries parsed last time are reused while the knowledge files, the compiled build and the parsing libraries
 * are the same, so a one-question `beian ask` skips the markdown and YAML parsing. `build` names the parser's
 * code (default: the compiled build's stamp); without one, as when run from the sources, it always parses.
 */
export async function loadKnowledgeBaseCached(
  dir: string,
  dataDir: string,
  build: string | undefined = readBuildStamp(),
): Promise<KnowledgeBase> {
  if (build === undefined) return loadKnowledgeBaseForTerminal(dir);
  const { files, problems } = await readKnowledgeFolder(dir);
  // Problems are reported by the full load, with its messages.
  if (files.length === 0 || problems.length > 0) return loadKnowledgeBaseForTerminal(dir);
  const hash = createHash('sha256').update(JSON.stringify([FORMAT, build, libraryVersions()]));
  for (const f of files) hash.update(`\0${f.file}\0${f.text}`);
  const key = hash.digest('hex');
  const cacheFile = join(dataDir, KNOWLEDGE_CACHE_FILE);
  const cached = await readCache(cacheFile, key);
  if (cached !== undefined) {
    cached.entries.forEach((e, i) => {
      rememberTokens(e.answer, cached.answerTokens[i] ?? []);
    });
    rememberReadings(cached.readings);
    return knowledgeBaseOf(cached.entries);
  }
  const kb = await loadKnowledgeBaseForTerminal(dir);
  const answerTokens = kb.entries.map((e) => lexMarkdown(e.answer));
  // A data folder that cannot be written (read-only, full) only costs the next start its parse.
  const cache = { format: FORMAT, key, entries: [...kb.entries], answerTokens, readings: readCommonCharacters() };
  await writeCache(cacheFile, cache).catch(() => undefined);
  return kb;
}

// dist/.build-stamp, written at every build: another build is another parser.
function readBuildStamp(): string | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  try {
    const stamp = fileURLToPath(new URL('../.build-stamp', import.meta.url));
    return String(statSync(stamp).mtimeMs);
  } catch {
    return undefined;
  }
}

// An upgrade rewrites a library's files, so their size and time change though dist/ stays as it was.
function libraryVersions(): string[] {
  return PARSER_LIBRARIES.map((name) => {
    const stat = statSync(fileURLToPath(import.meta.resolve(name)));
    return `${name}:${stat.size}:${stat.mtimeMs}`;
  });
}

async function readCache(file: string, key: string): Promise<CacheFile | undefined> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    const whole =
      Array.isArray(cache.entries) &&
      cache.answerTokens?.length === cache.entries.length &&
      typeof cache.readings === 'object' &&
      cache.readings !== null;
    return cache.format === FORMAT && cache.key === key && whole ? (cache as CacheFile) : undefined;
  } catch {
    return undefined; // missing or unreadable: parse, and write it anew
  }
}

// Written whole to a temporary file and renamed over the old one, so two starts at once never read half a file.
async function writeCache(file: string, cache: CacheFile): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, file);
}

// As buildKnowledgeBase assembles it from the same entries.
function knowledgeBaseOf(entries: readonly Entry[]): KnowledgeBase {
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    topics: [...new Set(entries.map((e) => e.topic))],
  };
}
