import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { Element } from 'domhandler';
import { getElementById } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../../src/core/errors.js';
import type { ResolvedAddress } from '../../../../src/core/footer/fetch/types.js';
import { createChromiumRenderer } from '../../../../src/core/footer/render/chromium-renderer.js';
import type { PageRenderer } from '../../../../src/core/footer/render/types.js';
import { type Route, routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/render/${name}`, import.meta.url), 'utf8');
const page = (name: string): Route => ({ body: fixture(name) });

function element(html: string, id: string): Element {
  const found = getElementById(id, parseDocument(html).children);
  if (!found) throw new Error(`no element #${id} in the rendered HTML`);
  return found;
}

function box(html: string, id: string): { x: number; y: number; width: number; height: number } {
  const value = element(html, id).attribs['data-beian-box'];
  if (!value) throw new Error(`#${id} has no box`);
  const [x = 0, y = 0, width = 0, height = 0] = value.split(',').map(Number);
  return { x, y, width, height };
}

function rootAttribute(html: string, name: string): number {
  const match = new RegExp(`<html[^>]*\\s${name}="(\\d+)"`).exec(html);
  return Number(match?.[1]);
}

describe('createChromiumRenderer', () => {
  let server: TestServer;
  let renderer: PageRenderer;
  const requested: string[] = [];
  const local = { allowPrivateNetwork: true, timeoutMs: 15_000 };

  beforeAll(async () => {
    const handler = routes({
      '/spa.html': page('spa-footer.html'),
      '/hidden.html': page('hidden.html'),
      '/scroll.html': page('scroll-footer.html'),
      '/frame-host.html': page('frame-host.html'),
      '/footer-frame.html': page('footer-frame.html'),
      '/refused.html': page('refused-request.html'),
      '/data-script.html': page('data-script.html'),
      '/big.html': { body: `<!doctype html><p>大</p><img src="/big.bin">` },
      '/big.bin': { headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(400_000, 1) },
    });
    server = await startServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/never.html') return; // never answers: the render must give up by itself
      handler(req, res);
    });
    renderer = await createChromiumRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
    await server?.close();
  });

  it('renders a footer drawn by a script after a delay, visible at the bottom and centred', async () => {
    const result = await renderer.render(`${server.origin}/spa.html`, local);
    expect(result.html).toContain('京ICP备05004398号-1');
    const icp = element(result.html, 'icp');
    expect(icp.attribs['data-beian-hidden']).toBeUndefined();
    const { x, y, width, height } = box(result.html, 'icp');
    const viewportWidth = rootAttribute(result.html, 'data-beian-viewport-width');
    const documentHeight = rootAttribute(result.html, 'data-beian-document-height');
    expect(viewportWidth).toBe(1366);
    expect(documentHeight).toBeGreaterThan(1600);
    expect(y + height).toBeGreaterThan(documentHeight - 100);
    expect(Math.abs(x + width / 2 - viewportWidth / 2)).toBeLessThan(120);
    expect(result.finalUrl).toBe(`${server.origin}/spa.html`);
  });

  describe('hidden elements', () => {
    let html = '';
    beforeAll(async () => {
      html = (await renderer.render(`${server.origin}/hidden.html`, local)).html;
    });

    it.each([
      'display-none',
      'visibility-hidden',
      'opacity-zero',
      'zero-size',
      'sr-only',
      'off-screen',
      'font-zero',
      'inside-hidden',
      'pre-annotated',
    ])('marks #%s hidden and gives it no box', (id) => {
      const el = element(html, id);
      expect(el.attribs['data-beian-hidden']).toBe('1');
      expect(el.attribs['data-beian-box']).toBeUndefined();
    });

    it('leaves a shown element unmarked, with a box', () => {
      expect(element(html, 'shown').attribs['data-beian-hidden']).toBeUndefined();
      expect(box(html, 'shown').width).toBeGreaterThan(0);
    });
  });

  it('scrolls to the bottom so a footer drawn on scroll is in the page', async () => {
    const { html } = await renderer.render(`${server.origin}/scroll.html`, local);
    expect(html).toContain('沪ICP备2021012345号-2');
    expect(box(html, 'icp').y).toBeGreaterThan(2900);
  });

  it('renders several pages at once, each in its own context, each with its own result', async () => {
    const paths = ['/spa.html', '/scroll.html', '/frame-host.html'];
    const results = await Promise.all(paths.map((path) => renderer.render(`${server.origin}${path}`, local)));
    expect(results.map((r) => r.finalUrl)).toEqual(paths.map((path) => `${server.origin}${path}`));
    expect(results[0]?.html).toContain('京ICP备05004398号-1');
    expect(results[1]?.html).toContain('沪ICP备2021012345号-2');
    expect(results[2]?.frames[0]?.html).toContain('浙ICP备12345678号-3');
  });

  it('lets data: resources load: they never touch the network', async () => {
    const { html } = await renderer.render(`${server.origin}/data-script.html`, local);
    expect(box(html, 'icp').width).toBeGreaterThan(0);
  });

  it('returns a same-origin iframe footer in frames, annotated', async () => {
    const result = await renderer.render(`${server.origin}/frame-host.html`, local);
    expect(result.frames).toHaveLength(1);
    const [frame] = result.frames;
    expect(frame?.url).toBe(`${server.origin}/footer-frame.html`);
    expect(frame?.html).toContain('浙ICP备12345678号-3');
    expect(box(frame?.html ?? '', 'icp').width).toBeGreaterThan(0);
    expect(frame?.html).toMatch(/<html[^>]*data-beian-viewport-width=/);
  });

  it('refuses the whole render of a private address unless allowed', async () => {
    await expect(renderer.render(`${server.origin}/spa.html`, { timeoutMs: 5_000 })).rejects.toMatchObject({
      code: 'refused-address',
    });
  });

  it('gives up on a page that never answers within the time limit', async () => {
    const started = Date.now();
    await expect(renderer.render(`${server.origin}/never.html`, { ...local, timeoutMs: 1_500 })).rejects.toThrow(
      FetchError,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops a page that loads more than the byte cap', async () => {
    await expect(renderer.render(`${server.origin}/big.html`, { ...local, maxBytes: 100_000 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('fails with the install hint when Chromium is missing', async () => {
    await expect(createChromiumRenderer({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium is not installed: apt-get install chromium',
    );
  });
});

describe('createChromiumRenderer address policy', () => {
  it('never dials an address the policy refuses, even when the page asks for it', async () => {
    const seenPaths: string[] = [];
    const serve = routes({ '/': page('refused-request.html') });
    const inner = await startServer((req, res) => {
      seenPaths.push(req.url ?? '');
      serve(req, res);
    });
    const dialled: string[] = [];
    const names: Record<string, string> = { 'site.test': '93.184.216.34', 'internal.test': '10.0.0.1' };
    // Names resolve to made-up addresses; whatever is dialled really goes to the loopback server.
    const resolve = async (host: string): Promise<ResolvedAddress[]> => {
      const address = names[host];
      if (!address) throw new Error(`unknown host ${host}`);
      return [{ address, family: 4 }];
    };
    const dial = (address: ResolvedAddress): Socket => {
      dialled.push(address.address);
      return connect({ host: '127.0.0.1', port: inner.port });
    };
    const renderer = await createChromiumRenderer({ resolve, connect: dial });
    try {
      const result = await renderer.render('http://site.test/', { timeoutMs: 15_000 });
      expect(result.html).toContain('京ICP备05004398号-1');
      expect(dialled.length).toBeGreaterThan(0);
      expect(new Set(dialled)).toEqual(new Set(['93.184.216.34']));
      expect(seenPaths).toEqual(['/']);
    } finally {
      await renderer.close();
      await inner.close();
    }
  });
});

describe('createChromiumRenderer redirects', () => {
  it('refuses a redirect to a private address, saying why', async () => {
    const server = await startServer(
      routes({ '/': { status: 302, headers: { location: 'http://internal.test/admin' }, body: '' } }),
    );
    const names: Record<string, string> = { 'site.test': '93.184.216.34', 'internal.test': '10.0.0.1' };
    const dialled: string[] = [];
    const renderer = await createChromiumRenderer({
      resolve: async (host) => [{ address: names[host] ?? '0.0.0.0', family: 4 }],
      connect: (address) => {
        dialled.push(address.address);
        return connect({ host: '127.0.0.1', port: server.port });
      },
    });
    try {
      await expect(renderer.render('http://site.test/', { timeoutMs: 10_000 })).rejects.toMatchObject({
        code: 'refused-address',
        message: expect.stringContaining('internal.test resolves to 10.0.0.1'),
      });
      expect(dialled).not.toContain('10.0.0.1');
    } finally {
      await renderer.close();
      await server.close();
    }
  });
});

describe('PageRenderer.close', () => {
  it('ends the browser process', async () => {
    const marker = `--beian-test-marker=${randomUUID()}`;
    const renderer = await createChromiumRenderer({ args: [marker] });
    expect(processesWith(marker).length).toBeGreaterThan(0);
    await renderer.close();
    // Helper processes may outlive the browser process by a moment; none may stay.
    const until = Date.now() + 10_000;
    while (processesWith(marker).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith(marker)).toEqual([]);
  });
});

function processesWith(arg: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(arg)) found.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

describe('createChromiumRenderer under --allow-private-network', () => {
  it("refuses a page's requests to another loopback port and to the metadata address", async () => {
    const otherSeen: string[] = [];
    const other = await startServer((req, res) => {
      otherSeen.push(req.url ?? '');
      res.end('internal');
    });
    const body = `<!doctype html><meta charset="utf-8">
<script src="http://127.0.0.1:${other.port}/x.js"></script>
<img src="http://127.0.0.1:${other.port}/pixel.png" alt="">
<img src="http://169.254.169.254/latest/meta-data/" alt="">
<footer id="footer"><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer>
<script>fetch('http://127.0.0.1:${other.port}/api').catch(() => {});</script>`;
    const site = await startServer(routes({ '/': { body } }));
    const dialled: string[] = [];
    // Whatever is dialled goes to the site itself: a regression must not reach a real link-local address.
    const renderer = await createChromiumRenderer({
      connect: (address, port) => {
        dialled.push(`${address.address}:${port}`);
        return connect({ host: '127.0.0.1', port: site.port });
      },
    });
    try {
      const result = await renderer.render(site.url, { allowPrivateNetwork: true, timeoutMs: 15_000 });
      expect(result.html).toContain('京ICP备05004398号-1');
      expect(new Set(dialled)).toEqual(new Set([`127.0.0.1:${site.port}`]));
      expect(otherSeen).toEqual([]);
    } finally {
      await renderer.close();
      await other.close();
      await site.close();
    }
  });
});
