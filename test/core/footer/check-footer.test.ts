import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFooter } from '../../../src/core/footer/check-footer.js';
import type { Resolver } from '../../../src/core/footer/fetch/types.js';
import type { PageRenderer, RenderedPage } from '../../../src/core/footer/render/types.js';
import { nestedDivs } from '../../helpers/hostile-pages.js';
import { type Route, routes, startServer, type TestServer } from '../../helpers/serve-pages.js';

const FIXTURES = new URL('../../fixtures/pages/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');

// Names never reach real DNS: every test target is 127.0.0.1, and any name lookup fails here.
const noDns: Resolver = async (hostname) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};
const DEPS = { resolve: noDns };
const LOCAL = { allowPrivateNetwork: true, timeoutMs: 5_000 };

let server: TestServer | undefined;
let requested: string[] = [];

async function serve(table: Record<string, Route>): Promise<TestServer> {
  const handle = routes(table);
  requested = [];
  server = await startServer((req, res) => {
    requested.push(req.url ?? '');
    handle(req, res);
  });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function pairs(findings: { rule: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.rule}:${f.severity}`);
}

function stubRenderer(page: (url: string) => RenderedPage | Promise<RenderedPage>): PageRenderer {
  return { render: async (url) => page(url), close: async () => {} };
}

describe('checkFooter over a loopback server', () => {
  it('judges the homepage and reports where it came from', async () => {
    const site = await serve({ '/': { body: fixture('compliant') } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report).toMatchObject({
      target: site.url,
      url: site.url,
      finalUrl: site.url,
      verdict: 'pass',
      redirects: [],
      rendered: false,
      icp: { number: '京ICP备05004398号-1' },
    });
    expect(report.findings).toEqual([]);
  });

  it('reports the redirect chain and judges the final page', async () => {
    const site = await serve({
      '/': { status: 301, headers: { location: '/index.html' }, body: '' },
      '/index.html': { status: 302, headers: { location: '/home.html' }, body: '' },
      '/home.html': { body: fixture('beijing-entity-number') },
    });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.finalUrl).toBe(`${site.origin}/home.html`);
    expect(report.redirects.map((hop) => hop.status)).toEqual([301, 302]);
    expect(pairs(report.findings)).toEqual(['icp-site-number:warning', 'page:info']);
    expect(report.findings.at(-1)?.message).toContain(`→ ${site.origin}/home.html`);
    expect(report.verdict).toBe('warn');
  });

  it('looks into a same-origin frame when the page itself shows no number', async () => {
    const site = await serve({ '/': { body: fixture('frameset') }, '/main.html': { body: fixture('frame-main') } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('pass');
    expect(report.icp?.number).toBe('京ICP备05004398号-1');
    expect(pairs(report.findings)).toEqual(['page:info']);
    expect(report.findings[0]?.message).toContain(`${site.origin}/main.html`);
  });

  it('does not fetch frames from another origin, and so cannot judge the frameset', async () => {
    const site = await serve({
      '/': { body: '<frameset><frame src="http://localhost:1/main.html"></frameset>' },
    });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(pairs(report.findings)).toEqual(['page:error']);
    expect(report.findings[0]?.message).toBe(
      'the homepage is a frameset that shows no number itself, and its frames could not be read ' +
        '(http://localhost:1/main.html: on another site, not fetched), so its footer could not be judged',
    );
    expect(requested).toEqual(['/']);
  });

  it('is inconclusive for a frameset whose frame is missing (404)', async () => {
    const site = await serve({ '/': { body: fixture('frameset') } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toMatch(
      /its frames could not be read \(http:\/\/127\.0\.0\.1:\d+\/main\.html: .*404/,
    );
  });

  it('is inconclusive for a frameset whose frame never answers', async () => {
    const site = await startServer((req, res) => {
      if (req.url === '/') res.end(fixture('frameset'));
      // /main.html: headers never sent; the check's deadline cuts it.
    });
    server = site;
    const report = await checkFooter(site.url, { ...LOCAL, timeoutMs: 1_500 }, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toContain(`its frames could not be read (${site.origin}/main.html: `);
  });

  it('fails a frameset whose frames were read and show no number', async () => {
    const site = await serve({ '/': { body: fixture('frameset') }, '/main.html': { body: fixture('no-number') } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('fail');
    expect(report.findings[0]?.message).toContain('(the page is built from frames)');
  });

  it('passes the number on record to the rules', async () => {
    const site = await serve({ '/': { body: fixture('compliant') } });
    const report = await checkFooter(site.url, { ...LOCAL, expect: '京ICP备05004398号-2' }, DEPS);
    expect(pairs(report.findings)).toEqual(['expected-number:error']);
    expect(report.verdict).toBe('fail');
  });
});

describe('checkFooter never throws for target problems', () => {
  it('turns an unreachable site into an inconclusive report', async () => {
    const site = await serve({});
    const url = site.url;
    await site.close();
    server = undefined;
    const report = await checkFooter(url, LOCAL, DEPS);
    expect(report).toMatchObject({ verdict: 'inconclusive', url: null, finalUrl: null, icp: null });
    expect(pairs(report.findings)).toEqual(['page:error']);
    expect(report.findings[0]?.message.length).toBeGreaterThan(10);
  });

  it('turns an HTTP error into an inconclusive report', async () => {
    const site = await serve({});
    const report = await checkFooter(`${site.origin}/missing`, LOCAL, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.finalUrl).toBe(`${site.origin}/missing`);
    expect(pairs(report.findings)).toEqual(['page:error']);
    expect(report.findings[0]?.message).toContain('404');
  });

  it('reports a 403 page nested 5,000 deep instead of throwing (issue 12)', async () => {
    const site = await serve({ '/': { status: 403, body: nestedDivs(5_000) } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(pairs(report.findings)).toEqual(['page:error']);
    expect(report.findings[0]?.message).toContain('403');
  });

  it('reports the status when the error page cannot be analysed at all', async () => {
    const site = await serve({ '/': { status: 503, body: fixture('waf-cloudflare') } });
    const analyse = async () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const report = await checkFooter(site.url, LOCAL, { ...DEPS, analyse });
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toContain('503');
    expect(report.findings[0]?.message).not.toContain('challenge');
  });

  it('turns an analysis failure on a fetched page into an inconclusive report', async () => {
    const site = await serve({ '/': { body: fixture('compliant') } });
    const analyse = async () => {
      throw new Error('worker gone');
    };
    const report = await checkFooter(site.url, LOCAL, { ...DEPS, analyse });
    expect(report).toMatchObject({ verdict: 'inconclusive', finalUrl: site.url });
    expect(report.findings[0]?.message).toBe('The check failed unexpectedly: worker gone');
  });

  it('names a WAF challenge served with an error status', async () => {
    const site = await serve({ '/': { status: 403, body: fixture('waf-cloudflare') } });
    const report = await checkFooter(site.url, LOCAL, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toContain('a Cloudflare challenge page');
  });

  it.each([
    ['a malformed target', 'exa mple.com'],
    ['a scheme that is not http', 'ftp://example.com/'],
    ['a private address without permission', 'http://127.0.0.1:9/'],
  ])('reports %s as inconclusive with the error sentence', async (_what, target) => {
    const report = await checkFooter(target, { timeoutMs: 5_000 }, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ rule: 'page', severity: 'error' });
    expect(report.findings[0]?.message).toMatch(/\S/);
  });
});

describe('checkFooter with render', () => {
  it('says rendering is not available without a renderer', async () => {
    const site = await serve({ '/': { body: fixture('spa-shell') } });
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, DEPS);
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toContain('rendering is not available here');
    expect(report.finalUrl).toBe(site.url);
  });

  it('judges the rendered page at the final URL', async () => {
    const site = await serve({ '/': { body: fixture('spa-shell') } });
    const seen: string[] = [];
    const renderer = stubRenderer((url) => {
      seen.push(url);
      return { finalUrl: url, html: fixture('rendered-left'), frames: [] };
    });
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, { ...DEPS, renderer });
    expect(seen).toEqual([site.url]);
    expect(report.rendered).toBe(true);
    expect(report.finalUrl).toBe(site.url);
    expect(pairs(report.findings)).toEqual(['icp-position:warning']);
  });

  it('judges a rendered frame when the rendered page shows no number', async () => {
    const site = await serve({ '/': { body: fixture('frameset') } });
    const renderer = stubRenderer((url) => ({
      finalUrl: url,
      html: fixture('frameset'),
      frames: [{ url: `${site.origin}/main.html`, html: fixture('rendered-centred') }],
    }));
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, { ...DEPS, renderer });
    expect(report.verdict).toBe('pass');
    expect(pairs(report.findings)).toEqual(['page:info']);
  });

  it('reports the page the browser ended on', async () => {
    const site = await serve({ '/': { body: fixture('spa-shell') } });
    const renderer = stubRenderer(() => ({
      finalUrl: `${site.origin}/#/home`,
      html: fixture('compliant'),
      frames: [],
    }));
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, { ...DEPS, renderer });
    expect(report).toMatchObject({ verdict: 'pass', url: site.url, finalUrl: `${site.origin}/#/home` });
  });

  it('renders a page the plain fetch got an error status for', async () => {
    const site = await serve({ '/': { status: 403, body: fixture('waf-cloudflare') } });
    const renderer = stubRenderer((url) => ({ finalUrl: url, html: fixture('rendered-centred'), frames: [] }));
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, { ...DEPS, renderer });
    expect(report).toMatchObject({ verdict: 'pass', rendered: true, finalUrl: site.url });
  });

  it('turns a renderer failure into an inconclusive report', async () => {
    const site = await serve({ '/': { body: fixture('spa-shell') } });
    const renderer = stubRenderer(() => {
      throw new Error('browser crashed');
    });
    const report = await checkFooter(site.url, { ...LOCAL, render: true }, { ...DEPS, renderer });
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings[0]?.message).toContain('browser crashed');
  });
});
