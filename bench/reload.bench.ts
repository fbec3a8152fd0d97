/**
 * What reloading the knowledge folder costs the running bot (`npm run bench reload`): a reload (load, lint with the
 * markup checks, matcher build, as watchKnowledge runs it) against the start-up load (no markup checks) in the same
 * run, on the bundled entries and on ten renamed copies of them; and the longest the event loop is blocked
 * during a reload, which is how long a Slack request waits for its ack meanwhile.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { BUNDLED_DIR } from '../test/eval/imported-kb.js';
import { percentile } from './stats.js';

const RUNS = Number(process.env.RELOAD_RUNS ?? 7);

const COPIES = 10;

// The bundled entries again under other ids and questions, so a larger folder still lints clean.
async function writeCopy(from: string, to: string, copy: number): Promise<void> {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md') || entry.name === 'README.md') continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    const text = (await readFile(source, 'utf8'))
      .replace(/^id: (.+)$/m, `id: $1-copy-${copy}`)
      .replace(/^- (.+)$/gm, (line, q: string) => (/^\s*$/.test(q) ? line : `- ${q} copy ${copy}`));
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, text);
  }
}

async function timeLoad(dir: string, checkMarkup: boolean): Promise<{ ms: number; entries: number }> {
  const started = performance.now();
  const kb = await loadKnowledgeBase(dir, { checkMarkup });
  createMatcher(kb);
  return { ms: performance.now() - started, entries: kb.entries.length };
}

async function measure(name: string, dir: string): Promise<void> {
  const startUp: number[] = [];
  const reload: number[] = [];
  let entries = 0;
  // Taking turns, so load on the machine falls on both alike.
  for (let i = 0; i < RUNS; i += 1) {
    startUp.push((await timeLoad(dir, false)).ms);
    const run = await timeLoad(dir, true);
    reload.push(run.ms);
    entries = run.entries;
  }
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await timeLoad(dir, true);
  delay.disable();
  const base = percentile(startUp, 50);
  const median = percentile(reload, 50);
  process.stdout.write(
    `${name} (${entries} entries): start-up load ${base.toFixed(0)} ms, reload ${median.toFixed(0)} ms ` +
      `(${(median / base).toFixed(2)}×); event loop blocked at most ${(delay.max / 1e6).toFixed(0)} ms during a reload\n`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'beian-reload-bench-'));
try {
  await cp(BUNDLED_DIR, join(dir, 'bundled'), { recursive: true });
  await measure('bundled', join(dir, 'bundled'));
  for (let copy = 1; copy < COPIES; copy += 1) await writeCopy(join(dir, 'bundled'), join(dir, `copy-${copy}`), copy);
  await measure(`bundled × ${COPIES}`, dir);
} finally {
  await rm(dir, { recursive: true, force: true });
}
