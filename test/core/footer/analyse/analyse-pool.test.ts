import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnalysePool,
  AnalysisError,
  createAnalysePool,
} from '../../../../src/core/footer/analyse/analyse-pool.js';
import { analysePage } from '../../../../src/core/footer/analyse-page.js';
import { checkFooter } from '../../../../src/core/footer/check-footer.js';
import type { Resolver } from '../../../../src/core/footer/fetch/types.js';
import { numbersInOneParagraph } from '../../../helpers/hostile-pages.js';
import { routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

const FIXTURES = new URL('../../../fixtures/pages/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
const URL_OF_PAGE = 'https://www.example.cn/';
// Generous: a worker started under tsx on a busy machine takes seconds to load the analyser.
const LATER = () => Date.now() + 60_000;
const noDns: Resolver = async (hostname) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};
// A page whose analysis takes far longer than a 30 ms deadline (50,000 numbers in one paragraph, 1 MB).
const SLOW_PAGE = numbersInOneParagraph(50_000);

let pool: AnalysePool | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
  await server?.close();
  server = undefined;
});

describe('createAnalysePool', () => {
  it('judges a page in a worker exactly as in this thread', async () => {
    pool = createAnalysePool({ size: 1 });
    const input = { html: fixture('compliant'), url: URL_OF_PAGE };
    const { analysis, frames, frameset, challenge } = await pool.analyse(
      input,
      { expect: '京ICP备05004398号-2' },
      LATER(),
    );
    expect(analysis).toEqual(analysePage(input, { expect: '京ICP备05004398号-2' }));
    expect({ frames, frameset, challenge }).toEqual({ frames: [], frameset: false, challenge: null });
  });

  it('gives up on a page still being analysed at the deadline, and a fresh worker takes the next page', async () => {
    pool = createAnalysePool({ size: 1 });
    const page = { html: fixture('compliant'), url: URL_OF_PAGE };
    await pool.analyse(page, {}, LATER());
    const slow = pool.analyse({ html: SLOW_PAGE, url: URL_OF_PAGE }, {}, Date.now() + 30);
    await expect(slow).rejects.toThrow(AnalysisError);
    await expect(slow).rejects.toThrow('the page took too long to analyse');
    const next = await pool.analyse(page, {}, LATER());
    expect(next.analysis.verdict).toBe('pass');
  });

  it('keeps the event loop free while a worker analyses', async () => {
    pool = createAnalysePool({ size: 1 });
    await pool.analyse({ html: fixture('compliant'), url: URL_OF_PAGE }, {}, LATER());
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    try {
      await pool.analyse({ html: SLOW_PAGE, url: URL_OF_PAGE }, {}, LATER());
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('queues pages beyond its size and answers each', async () => {
    pool = createAnalysePool({ size: 1 });
    const names = ['compliant', 'no-number', 'missing-hao'];
    const results = await Promise.all(
      names.map((name) => pool?.analyse({ html: fixture(name), url: URL_OF_PAGE }, {}, LATER())),
    );
    expect(results.map((r) => r?.analysis.verdict)).toEqual(['pass', 'fail', 'warn']);
  });

  it('rejects analyses once closed', async () => {
    pool = createAnalysePool({ size: 1 });
    const waiting = expect(pool.analyse({ html: SLOW_PAGE, url: URL_OF_PAGE }, {}, LATER())).rejects.toThrow(
      'the page analysis has been shut down',
    );
    await pool.close();
    await waiting;
    await expect(pool.analyse({ html: '', url: URL_OF_PAGE }, {}, LATER())).rejects.toThrow('shut down');
  });

  it('does not keep the process alive once idle', () => {
    const script = fileURLToPath(new URL('./idle-pool-script.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('pass');
    expect(run.status).toBe(0);
  });
});

describe('checkFooter through the pool', () => {
  it('reports a check whose analysis does not finish by its deadline as inconclusive, and the check returns', async () => {
    pool = createAnalysePool({ size: 1 });
    await pool.analyse({ html: fixture('compliant'), url: URL_OF_PAGE }, {}, LATER());
    // The one worker is kept busy far past the check's 1 s limit (twenty slow pages ahead of it, each about half a
    // second of CPU on a fast machine), so the check's own analysis cannot finish in time on any machine.
    const ahead = Array.from({ length: 20 }, () =>
      pool?.analyse({ html: SLOW_PAGE, url: URL_OF_PAGE }, {}, LATER()).catch(() => null),
    );
    server = await startServer(routes({ '/': { body: SLOW_PAGE } }));
    const report = await checkFooter(
      server.url,
      { allowPrivateNetwork: true, timeoutMs: 1_000 },
      { resolve: noDns, analyse: pool.analyse },
    );
    expect(report).toMatchObject({ verdict: 'inconclusive', finalUrl: server.url, icp: null });
    expect(report.findings).toEqual([
      {
        rule: 'page',
        severity: 'error',
        message: 'the page took too long to analyse, so its footer could not be judged within the time limit',
      },
    ]);
    await pool.close();
    await Promise.all(ahead);
  });
});
