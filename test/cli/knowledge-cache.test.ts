import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_CACHE_FILE, loadKnowledgeBaseCached } from '../../src/cli/knowledge-cache.js';
import { chooseStyle, lexMarkdown, rememberTokens, renderMarkdown } from '../../src/cli/render-markdown.js';
import { KnowledgeBaseError } from '../../src/core/errors.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { buildSoundIndex, readCharacter, rememberReadings } from '../../src/core/match/sound-alike.js';
import { FIXTURES } from './run-beian.js';

let home: string;
let knowledge: string;
let data: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'beian-kb-cache-'));
  knowledge = join(home, 'knowledge');
  data = join(home, 'data');
  await cp(join(FIXTURES, 'good'), knowledge, { recursive: true });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const cacheFile = () => join(data, KNOWLEDGE_CACHE_FILE);

// Changes every cached title, so a load that returns the change must have read the cache.
async function markCache(): Promise<void> {
  const cache = JSON.parse(await readFile(cacheFile(), 'utf8'));
  for (const e of cache.entries) e.title = `cached: ${e.title}`;
  await writeFile(cacheFile(), JSON.stringify(cache));
}

describe('loadKnowledgeBaseCached', () => {
  it('parses on the first load, as the uncached loader does, and keeps the entries for the next', async () => {
    const kb = await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    expect(kb).toEqual(await loadKnowledgeBase(knowledge));
    expect(await loadKnowledgeBaseCached(knowledge, data, 'build-1')).toEqual(kb);
    await markCache();
    const again = await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    expect(again.entries.every((e) => e.title.startsWith('cached: '))).toBe(true);
    expect([...again.byId.keys()]).toEqual([...kb.byId.keys()]);
    expect(again.topics).toEqual(kb.topics);
  });

  it('parses again when a knowledge file changes', async () => {
    await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    await markCache();
    const file = join(knowledge, 'validity.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, '\n\nOne more line.\n'));
    const kb = await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    expect(kb).toEqual(await loadKnowledgeBase(knowledge));
    expect(kb.entries.some((e) => e.answer.includes('One more line.'))).toBe(true);
  });

  it('parses again for another build of the parser', async () => {
    await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    await markCache();
    expect(await loadKnowledgeBaseCached(knowledge, data, 'build-2')).toEqual(await loadKnowledgeBase(knowledge));
  });

  it('never caches without a build (run from the sources)', async () => {
    expect(await loadKnowledgeBaseCached(knowledge, data, undefined)).toEqual(await loadKnowledgeBase(knowledge));
    await expect(readFile(cacheFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['not JSON', '{"format": 1, "key": '],
    ['JSON of another shape', '[1, 2, 3]'],
  ])('ignores a cache file that is %s, and writes it anew', async (_name, text) => {
    await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    await writeFile(cacheFile(), text);
    expect(await loadKnowledgeBaseCached(knowledge, data, 'build-1')).toEqual(await loadKnowledgeBase(knowledge));
    expect(JSON.parse(await readFile(cacheFile(), 'utf8')).entries.length).toBeGreaterThan(0);
  });

  it('still loads when the data folder cannot be written', async () => {
    const blocked = join(home, 'a-file');
    await writeFile(blocked, '');
    const kb = await loadKnowledgeBaseCached(knowledge, join(blocked, 'data'), 'build-1');
    expect(kb).toEqual(await loadKnowledgeBase(knowledge));
  });

  it('keeps every answer lexed, and renders a cached answer from the kept tokens', async () => {
    const kb = await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    const cache = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(cache.answerTokens).toEqual(kb.entries.map((e) => JSON.parse(JSON.stringify(lexMarkdown(e.answer)))));
    cache.answerTokens = cache.answerTokens.map(() => lexMarkdown('Drawn from the **cache**.'));
    await writeFile(cacheFile(), JSON.stringify(cache));
    const again = await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    expect(again.entries.map((e) => renderMarkdown(e.answer))).toEqual(
      again.entries.map(() => 'Drawn from the cache.'),
    );
  });

  it("keeps every common Han character's readings, and seeds the sound index with the kept ones", async () => {
    await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    const cache = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(Object.keys(cache.readings)).toHaveLength(0x9fff - 0x4e00 + 1);
    for (const ch of ['备', '案', '行', '乐', '重']) expect(cache.readings[ch]).toEqual(readCharacter(ch));
    cache.readings.备 = ['kept'];
    await writeFile(cacheFile(), JSON.stringify(cache));
    try {
      await loadKnowledgeBaseCached(knowledge, data, 'build-1');
      expect(buildSoundIndex(['备案']).bigramBySound.get('kept an')).toBe('备案');
    } finally {
      rememberReadings({ 备: readCharacter('备') });
    }
  });

  it('reparses a cache whose answers are not all lexed', async () => {
    await loadKnowledgeBaseCached(knowledge, data, 'build-1');
    await markCache();
    const cache = JSON.parse(await readFile(cacheFile(), 'utf8'));
    cache.answerTokens.pop();
    await writeFile(cacheFile(), JSON.stringify(cache));
    expect(await loadKnowledgeBaseCached(knowledge, data, 'build-1')).toEqual(await loadKnowledgeBase(knowledge));
  });

  it('renders tokens that went through JSON as freshly lexed ones, for every answer of knowledge/', async () => {
    const kb = await loadKnowledgeBase(fileURLToPath(new URL('../../knowledge', import.meta.url)));
    for (const color of [false, true]) {
      const style = chooseStyle(color);
      // Each answer once in its own variant, so nothing remembered by another test is drawn.
      const answers = kb.entries.map((e) => `${e.answer}\n\n${color ? 'ansi' : 'plain'}`);
      const fresh = answers.map((a) => renderMarkdown(a, style));
      for (const a of answers) rememberTokens(a, JSON.parse(JSON.stringify(lexMarkdown(a))));
      expect(answers.map((a) => renderMarkdown(a, style))).toEqual(fresh);
    }
  });

  it('reports a broken knowledge folder as the uncached loader does', async () => {
    await writeFile(join(knowledge, 'validity.md'), '---\nid: Not An Id\n---\n');
    const error = await loadKnowledgeBaseCached(knowledge, data, 'build-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    await expect(readFile(cacheFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
