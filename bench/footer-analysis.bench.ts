/**
 * Footer analysis cost against page size, number count and nesting depth (issue 12): each series at
 * 1×, 2×, 4×, 8×, timed in this process (fastest of ROUNDS after a warm-up) and printed as a ratio
 * to its 1× time — linear cost gives ratios near 1, 2, 4, 8. Then the pages from the issue, each in
 * its own child process cut at CASE_LIMIT_S, and one page judged through the worker pool against the
 * same page in this thread (the price of the boundary).
 *
 * `FOOTER_SRC=/path/to/other/src npx tsx bench/footer-analysis.bench.ts` measures another copy of
 * src/ (e.g. `git archive main src | tar -x -C /tmp/before`) for before/after figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysePool } from '../src/core/footer/analyse/analyse-pool.js';
import type { AnalyseInput, PageAnalysis } from '../src/core/footer/analyse-page.js';
import {
  nestedDivs,
  numbersInOneParagraph,
  numbersInSpans,
  ordinaryPage,
  repeatedOnOneLine,
} from '../test/helpers/hostile-pages.js';

const SELF = fileURLToPath(import.meta.url);
const SRC = process.env.FOOTER_SRC ?? fileURLToPath(new URL('../src/', import.meta.url));
const ROUNDS = 5;
const FACTORS = [1, 2, 4, 8];
const CASE_LIMIT_S = 60;
const URL_OF_PAGE = 'https://www.example.cn/';

type Analyse = (input: AnalyseInput) => PageAnalysis;

async function loadAnalyser(): Promise<Analyse> {
  const module = await import(pathToFileURL(`${SRC}/core/footer/analyse-page.ts`).href);
  return (input) => module.analysePage(input);
}

function fastest(run: () => void): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const SERIES: [string, string, (factor: number) => string][] = [
  ['page size', '100 KB', (f) => ordinaryPage(100 * f)],
  ['numbers (each in a <span>)', '250', (f) => numbersInSpans(250 * f)],
  ['nesting depth (<div>s)', '500', (f) => nestedDivs(500 * f)],
];

// Every series' largest page once, so the 1× times are not those of code the JIT has not optimised yet.
function warmUp(analyse: Analyse): void {
  for (const [, , page] of SERIES) {
    const html = page(FACTORS.at(-1) ?? 1);
    for (let i = 0; i < ROUNDS; i += 1) {
      try {
        analyse({ html, url: URL_OF_PAGE });
      } catch {
        // A copy that throws on a page is reported as such by the series.
      }
    }
  }
}

function timeSeries(analyse: Analyse): string[] {
  warmUp(analyse);
  const lines = ['| series | 1× is | 1× ms | 2× | 4× | 8× |', '|---|---|---|---|---|---|'];
  for (const [name, unit, page] of SERIES) {
    const times: string[] = [];
    let base = 0;
    for (const factor of FACTORS) {
      const html = page(factor);
      let ms: number;
      try {
        ms = fastest(() => analyse({ html, url: URL_OF_PAGE }));
      } catch (error) {
        times.push(`throws (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      if (factor === 1) base = ms;
      times.push(factor === 1 ? ms.toFixed(1) : `${(ms / base).toFixed(2)}×`);
    }
    lines.push(`| ${name} | ${unit} | ${times.join(' | ')} |`);
  }
  return lines;
}

const CASES: Record<string, () => string> = {
  '5,000 numbers, each in a <span> (150 KB)': () => numbersInSpans(5_000),
  '50,000 numbers in one <p> (1 MB)': () => numbersInOneParagraph(50_000),
  '京ICP备1234 × 400k on one line': () => repeatedOnOneLine(400_000),
  '200k nested <div>s (2.2 MB)': () => nestedDivs(200_000),
  '5,000-deep nesting (54 KB)': () => nestedDivs(5_000),
};

async function runCase(name: string): Promise<void> {
  const analyse = await loadAnalyser();
  const make = CASES[name];
  if (make === undefined) throw new Error(`no case ${name}`);
  const html = make();
  const start = performance.now();
  let outcome: string;
  try {
    outcome = analyse({ html, url: URL_OF_PAGE }).verdict;
  } catch (error) {
    outcome = `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
  const seconds = (performance.now() - start) / 1000;
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  process.stdout.write(JSON.stringify({ seconds, outcome, rss }));
}

function caseTable(): string[] {
  const lines = ['| page | analysis s | outcome | RSS MB |', '|---|---|---|---|'];
  for (const name of Object.keys(CASES)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--case', name], {
      encoding: 'utf8',
      env: { ...process.env, FOOTER_SRC: SRC },
      timeout: CASE_LIMIT_S * 1000,
    });
    if (run.status !== 0 || run.stdout === '') {
      lines.push(`| ${name} | > ${CASE_LIMIT_S} (stopped) | — | — |`);
      continue;
    }
    const { seconds, outcome, rss } = JSON.parse(run.stdout) as { seconds: number; outcome: string; rss: number };
    lines.push(`| ${name} | ${seconds.toFixed(2)} | ${outcome} | ${rss} |`);
  }
  return lines;
}

async function boundaryCost(analyse: Analyse): Promise<string[]> {
  let createAnalysePool: ((options?: { size?: number }) => AnalysePool) | undefined;
  try {
    ({ createAnalysePool } = await import(pathToFileURL(`${SRC}/core/footer/analyse/analyse-pool.ts`).href));
  } catch {
    return ['(no worker pool in this copy of src/)'];
  }
  if (createAnalysePool === undefined) return [];
  const pool = createAnalysePool({ size: 1 });
  const input = { html: ordinaryPage(100), url: URL_OF_PAGE };
  const later = () => Date.now() + 60_000;
  const startup = performance.now();
  await pool.analyse(input, {}, later());
  const firstMs = performance.now() - startup;
  for (let i = 0; i < ROUNDS * 4; i += 1) await pool.analyse(input, {}, later());
  let pooled = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await pool.analyse(input, {}, later());
    pooled = Math.min(pooled, performance.now() - start);
  }
  await pool.close();
  const inThread = fastest(() => analyse(input));
  return [
    `100 KB page: in this thread ${inThread.toFixed(1)} ms, through a warm worker ${pooled.toFixed(1)} ms ` +
      `(${(pooled / inThread).toFixed(2)}×); first analysis incl. worker start ${firstMs.toFixed(0)} ms`,
  ];
}

async function main(): Promise<void> {
  const caseAt = process.argv.indexOf('--case');
  if (caseAt >= 0) return runCase(process.argv[caseAt + 1] ?? '');
  const analyse = await loadAnalyser();
  const lines = [
    `analysing ${SRC}`,
    '',
    'Ratios against 1× (linear: ~2, ~4, ~8; nesting beyond 512 is cut, so ~1):',
    '',
    ...timeSeries(analyse),
    '',
    `The pages from issue 12, each in its own process, cut at ${CASE_LIMIT_S} s:`,
    '',
    ...caseTable(),
    '',
    ...(await boundaryCost(analyse)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
