import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFooter } from '../../../../src/core/footer/check-footer.js';
import type { ResolvedAddress } from '../../../../src/core/footer/fetch/types.js';
import { createChromiumRenderer } from '../../../../src/core/footer/render/chromium-renderer.js';
import type { PageRenderer } from '../../../../src/core/footer/render/types.js';
import { routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

const FOOTER = '<footer id="footer"><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></footer>';

/** A page with a correct footer whose script, once loaded, sends the browser to `to`. */
const leavesFor = (to: string) => ({
  body: `<!doctype html><meta charset="utf-8"><p>首页</p>${FOOTER}
<script>setTimeout(() => { location.href = ${JSON.stringify(to)}; }, 200);</script>`,
});

describe('a rendered page that navigates away to somewhere that does not load', () => {
  let site: TestServer;
  let renderer: PageRenderer;
  let resolve: (host: string) => Promise<ResolvedAddress[]>;
  let dial: (address: ResolvedAddress) => ReturnType<typeof connect>;
  const dialled: string[] = [];
  // site.test is public; internal.test is private; down.test is public but nothing answers there.
  const names: Record<string, string> = {
    'site.test': '93.184.216.34',
    'internal.test': '10.0.0.1',
    'down.test': '93.184.216.35',
  };

  beforeAll(async () => {
    site = await startServer(
      routes({
        '/to-private.html': leavesFor('http://internal.test/admin'),
        '/to-down.html': leavesFor('http://down.test/'),
        '/to-down-tls.html': leavesFor('https://down.test/'),
        '/to-nowhere.html': leavesFor('http://nowhere.test/'),
        '/to-redirect.html': leavesFor('/bounce'),
        '/bounce': { status: 302, headers: { location: 'http://internal.test/' }, body: '' },
        '/to-missing.html': leavesFor('/missing'),
        '/zstd.html': { headers: { 'content-encoding': 'zstd' }, body: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]) },
      }),
    );
    resolve = async (host: string): Promise<ResolvedAddress[]> => {
      const address = names[host];
      if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [{ address, family: 4 }];
    };
    dial = (address) => {
      dialled.push(address.address);
      // down.test is dialled at a port nobody listens on: the connection is refused.
      return connect({ host: '127.0.0.1', port: address.address === names['down.test'] ? 1 : site.port });
    };
    renderer = await createChromiumRenderer({ resolve, connect: dial });
  });

  afterAll(async () => {
    await renderer?.close();
    await site?.close();
  });

  it('judges the page the visitor saw when our policy refuses where its script goes', async () => {
    const result = await renderer.render('http://site.test/to-private.html', { timeoutMs: 15_000 });
    expect(result.finalUrl).toBe('http://site.test/to-private.html');
    expect(result.html).toContain('京ICP备05004398号-1');
    expect(dialled).not.toContain('10.0.0.1');
  });

  it.each([
    [
      'a refused connection',
      '/to-down.html',
      'http://down.test/: down.test (93.184.216.35, port 80) refused the connection.',
    ],
    [
      'a refused connection over https',
      '/to-down-tls.html',
      'https://down.test/: down.test (93.184.216.35, port 443) refused the connection.',
    ],
    ['a name not in DNS', '/to-nowhere.html', 'http://nowhere.test/: nowhere.test could not be looked up in DNS.'],
  ])('is inconclusive, never the browser error page, after a navigation to %s', async (_, path, sentence) => {
    await expect(renderer.render(`http://site.test${path}`, { timeoutMs: 15_000 })).rejects.toMatchObject({
      code: expect.stringMatching(/^(unreachable|dns)$/),
      message: `After loading, the page went on to ${sentence}`,
    });
  });

  it('is inconclusive when its script follows a redirect our policy refuses', async () => {
    await expect(renderer.render('http://site.test/to-redirect.html', { timeoutMs: 15_000 })).rejects.toMatchObject({
      code: 'refused-address',
      message: expect.stringContaining('internal.test resolves to 10.0.0.1'),
    });
    expect(dialled).not.toContain('10.0.0.1');
  });

  it('is inconclusive when its script goes to an error status', async () => {
    await expect(renderer.render('http://site.test/to-missing.html', { timeoutMs: 15_000 })).rejects.toMatchObject({
      code: 'http-status',
      message: expect.stringContaining('404'),
    });
  });

  it('makes checkFooter --render inconclusive, not fail, for a footer followed by a failed navigation', async () => {
    const report = await checkFooter(
      'http://site.test/to-down.html',
      { render: true, timeoutMs: 15_000 },
      { resolve, connect: dial, renderer },
    );
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'page', severity: 'error' }));
    expect(report.finalUrl).not.toMatch(/^chrome-error:/);
  });

  it('makes checkFooter --render judge the page the visitor saw when the navigation was ours to refuse', async () => {
    const report = await checkFooter(
      'http://site.test/to-private.html',
      { render: true, timeoutMs: 15_000 },
      { resolve, connect: dial, renderer },
    );
    expect(report.finalUrl).toBe('http://site.test/to-private.html');
    expect(report.icp?.number).toBe('京ICP备05004398号-1');
    expect(report.verdict).not.toBe('fail');
  });

  it('names what the proxy saw when the page itself cannot be passed on, not its own error status', async () => {
    await expect(renderer.render('http://site.test/zstd.html', { timeoutMs: 15_000 })).rejects.toMatchObject({
      code: 'bad-response',
      message: 'site.test sent its content encoded as "zstd", which the checker cannot read.',
    });
    await expect(renderer.render('http://down.test/', { timeoutMs: 15_000 })).rejects.toMatchObject({
      code: 'unreachable',
      message: 'down.test (93.184.216.35, port 80) refused the connection.',
    });
  });
});
