import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedAddress } from '../../../../src/core/footer/fetch/types.js';
import { createChromiumRenderer, V8_HEAP_MB } from '../../../../src/core/footer/render/chromium-renderer.js';
import type { PageRenderer } from '../../../../src/core/footer/render/types.js';
import { startServer, type TestServer } from '../../../helpers/serve-pages.js';

const FOOTER = '<footer><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer>';
const BOMB_MB = Number(process.env.BOMB_MB ?? 256);
const CAP = 5 * 1024 * 1024;
/** What a stopped render may add to the browser's memory: the script heap cap and some room. */
const GROWTH_LIMIT_MB = V8_HEAP_MB + 256;
const fixture = (name: string) => readFileSync(new URL(`../fetch/fixtures/${name}`, import.meta.url), 'utf8');

/** A script that is a comment of `mb` MB of spaces, gzip-compressed to about a thousandth of that. */
async function gzipBomb(mb: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write('/*');
  const megabyte = Buffer.alloc(1024 * 1024, ' ');
  for (let i = 0; i < mb; i += 1) if (!gzip.write(megabyte)) await new Promise((r) => gzip.once('drain', r));
  gzip.end('*/ document.title = "loaded";');
  await done;
  return Buffer.concat(parts);
}

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
}

/**
 * Resident memory of the browser started with `marker` and all its descendants (zygotes, renderers,
 * the network service), in MB: children do not inherit the marker, so they are found by parent. Shared
 * pages count once per process, so only growth over an ordinary render means anything. (Not PSS:
 * smaps_rollup walks page tables under the process's memory lock and slowed the browser down.)
 */
function browserMemoryMb(marker: string): number {
  const parents = new Map<string, string>();
  const family = new Set<string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    parents.set(pid, /^\S+ \(.*\) \S (\d+)/.exec(readProc(pid, 'stat'))?.[1] ?? '0');
    if (readProc(pid, 'cmdline').split('\0').includes(marker)) family.add(pid);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!family.has(pid) && family.has(parent)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of family) kb += Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status'))?.[1] ?? 0);
  return kb / 1024;
}

/** Runs `work` while sampling the browser's memory; returns its outcome and the peak seen. */
async function withPeakMemory<T>(marker: string, work: Promise<T>): Promise<{ outcome: T | Error; peakMb: number }> {
  let peakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, browserMemoryMb(marker));
  }, 100);
  try {
    const outcome = await work.catch((error: Error) => error);
    return { outcome, peakMb };
  } finally {
    clearInterval(sampler);
  }
}

describe('rendering memory stays bounded', () => {
  let bomb: Buffer;
  let sent = 0;
  let http: TestServer;
  let https: ReturnType<typeof createHttpsServer>;
  let httpsPort = 0;
  let renderer: PageRenderer;
  let baselineMb = 0;
  const marker = `--beian-test-marker=${randomUUID()}`;

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/bomb.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
      res.end(bomb);
      sent += bomb.length;
      return;
    }
    const heap = `<script>const keep = []; for (let i = 0; i < 64; i += 1) keep.push(new Array(2_000_000).fill(i + 0.5));</script>`;
    if (req.url === '/small.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('document.title = "x";');
      return;
    }
    const scripts: Record<string, string> = {
      '/': '<script src="/bomb.js"></script>',
      '/heap.html': heap,
      '/small.html': '<script src="/small.js"></script>',
    };
    const script = scripts[req.url ?? ''] ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><p>首页</p>${FOOTER}${script}`);
  };

  beforeAll(async () => {
    bomb = await gzipBomb(BOMB_MB);
    http = await startServer(serve);
    https = createHttpsServer({ cert: fixture('shop-example.crt'), key: fixture('shop-example.key') }, serve);
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    httpsPort = (https.address() as { port: number }).port;
    const names: Record<string, string> = { 'site.test': '93.184.216.34' };
    renderer = await createChromiumRenderer({
      resolve: async (host): Promise<ResolvedAddress[]> => [{ address: names[host] ?? '0.0.0.0', family: 4 }],
      connect: (_address, port) => connect({ host: '127.0.0.1', port: port === 443 ? httpsPort : http.port }),
      // The https site uses the test certificate for shop.example; only the byte budget is under test.
      args: [marker, '--ignore-certificate-errors'],
    });
    baselineMb = (await withPeakMemory(marker, renderer.render('http://site.test/ok.html', { timeoutMs: 20_000 })))
      .peakMb;
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
    await http?.close();
    https?.closeAllConnections();
    await new Promise((resolve) => https?.close(resolve));
  });

  /** Peak browser memory above what rendering an ordinary page takes, with the render's outcome. */
  async function renderMeasured(url: string, options: { maxBytes?: number } = {}) {
    const { outcome, peakMb } = await withPeakMemory(marker, renderer.render(url, { timeoutMs: 20_000, ...options }));
    const growthMb = Math.round(peakMb - baselineMb);
    console.info(`${url}: peak ${Math.round(peakMb)} MB, ${growthMb} MB over an ordinary page`);
    return { outcome, growthMb };
  }

  it(`stops a gzip-bomb script (${BOMB_MB} MB decoded) at the decoded-byte cap over http`, async () => {
    sent = 0;
    const { outcome, growthMb } = await renderMeasured('http://site.test/', { maxBytes: CAP });
    expect(outcome).toMatchObject({ code: 'too-large', message: `The rendered page loaded more than ${CAP} bytes.` });
    expect(sent).toBe(bomb.length);
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  });

  it(`stops at a gzip-bomb script (${BOMB_MB} MB decoded) over https, where the proxy cannot decode`, async () => {
    const { outcome, growthMb } = await renderMeasured('https://site.test/', { maxBytes: CAP });
    expect(outcome).toMatchObject({
      code: 'encoded-content',
      message: expect.stringContaining('https://site.test/bomb.js was sent compressed'),
    });
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  });

  it(`stops a page whose scripts hold more than the ${V8_HEAP_MB} MB script heap`, async () => {
    const { outcome, growthMb } = await renderMeasured('http://site.test/heap.html');
    expect(outcome).toMatchObject({ code: 'browser-crashed', message: expect.stringContaining(`${V8_HEAP_MB} MB`) });
    expect(growthMb).toBeLessThan(GROWTH_LIMIT_MB);
  });

  it('still renders the same page after a stopped one', async () => {
    const result = await renderer.render('http://site.test/ok.html', { timeoutMs: 20_000 });
    expect(result.html).toContain('京ICP备05004398号-1');
  });
});
