import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownChromium } from '../../src/cli/shared-chromium.js';
import { createWatchRuntime, watchRenders } from '../../src/cli/watch-runtime.js';
import { loadConfig } from '../../src/config.js';
import type { PageRenderer, RenderOptions } from '../../src/core/footer/render/types.js';
import type { FooterScreenshot } from '../../src/core/footer/types.js';
import type { AlertEvent } from '../../src/core/watch/types.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { loadWatchConfig } from '../../src/watch-config.js';

// A footer without a filing number: the first check looks worse than a clean footer, the re-check alerts.
const PAGE = '<!doctype html><html><body><main>Shop</main><footer>© 2026 Example</footer></body></html>';

const SHOT: FooterScreenshot = {
  type: 'jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 0xff, 0xd9]),
  width: 1280,
  height: 160,
  region: { x: 0, y: 0, width: 1280, height: 160 },
  outlined: { icp: false, link: false },
};

/** A stand-in for Chromium: records what it was asked and hands back the page as served, with a picture. */
function fakeRenderer() {
  const asked: RenderOptions[] = [];
  let started = 0;
  let closed = 0;
  const renderer: PageRenderer = {
    async render(url, options) {
      asked.push(options);
      return { finalUrl: url, html: PAGE, frames: [], ...(options.screenshot ? { screenshot: SHOT } : {}) };
    },
    async close() {
      closed += 1;
    },
  };
  const start = async () => {
    started += 1;
    return renderer;
  };
  return { asked, start, started: () => started, closed: () => closed };
}

describe('the watch runtime renders scheduled checks only when rendering is on', () => {
  let server: Server;
  let site: string;
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    dir = await mkdtemp(join(tmpdir(), 'beian-watch-runtime-'));
    store = await createStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  async function runOnce(env: Record<string, string>, start: () => Promise<PageRenderer>) {
    await store.watches.remove(site);
    await store.watches.put([{ target: site, everyMs: 3_600_000, nextRunAt: Date.now() }]);
    const config = loadConfig({ BEIAN_ALLOW_PRIVATE_NETWORK: '1', BEIAN_CHECK_TIMEOUT_SECONDS: '10', ...env });
    const watchConfig = loadWatchConfig({ BEIAN_WATCH_RECHECK_SECONDS: '0', ...env });
    const alerts: AlertEvent[] = [];
    const errors: string[] = [];
    const sink = { alert: async (event: AlertEvent) => void alerts.push(event) };
    const runtime = createWatchRuntime(
      config,
      watchConfig,
      store.watches,
      sink,
      (_e, context) => errors.push(context),
      ownChromium(start),
    );
    try {
      const summary = await runtime.scheduler.round({ all: true, awaitRechecks: true });
      return { summary, alerts, errors };
    } finally {
      await runtime.close();
    }
  }

  it.each([
    [{}, false],
    [{ BEIAN_RENDER: '1' }, true],
    [{ BEIAN_WATCH_RENDER: 'yes' }, true],
    [{ BEIAN_RENDER: '1', BEIAN_WATCH_RENDER: '0' }, false],
  ])('with %o, rendering is %s (BEIAN_WATCH_RENDER, else BEIAN_RENDER)', (env, on) => {
    expect(watchRenders(loadConfig(env), loadWatchConfig(env))).toBe(on);
  });

  it('with rendering off, starts no browser and the alert has no picture', async () => {
    const fake = fakeRenderer();
    const { summary, alerts } = await runOnce({}, fake.start);
    expect(summary.alerts).toBe(1);
    expect(fake.started()).toBe(0);
    expect(fake.asked).toEqual([]);
    expect(alerts[0]?.screenshot).toBeUndefined();
  });

  it('with BEIAN_WATCH_RENDER, renders each check with a picture, one browser, and the alert carries it', async () => {
    const fake = fakeRenderer();
    const { summary, alerts } = await runOnce({ BEIAN_WATCH_RENDER: '1' }, fake.start);
    expect(summary).toMatchObject({ checked: 2, rechecks: 1, alerts: 1 });
    expect(fake.started()).toBe(1);
    expect(fake.asked).toHaveLength(2);
    expect(fake.asked.every((options) => options.screenshot === true)).toBe(true);
    expect(alerts[0]?.screenshot?.bytes).toEqual(SHOT.bytes);
    expect(fake.closed()).toBe(1);
  });

  it('checks without rendering, said once, when the browser will not start', async () => {
    const { summary, alerts, errors } = await runOnce({ BEIAN_WATCH_RENDER: '1' }, async () => {
      throw new Error('no Chromium here');
    });
    expect(summary.alerts).toBe(1);
    expect(alerts[0]?.verdictAfter).toBe('fail');
    expect(alerts[0]?.screenshot).toBeUndefined();
    expect(errors.filter((e) => e.includes('Chromium'))).toHaveLength(1);
  });
});

describe('watch runtimes on several replicas share the database host leases', () => {
  let server: Server;
  let origin: string;
  let dir: string;
  let store: Store;
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: number[] = [];

  beforeAll(async () => {
    server = createServer((_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      starts.push(Date.now());
      // Slow enough that two replicas would overlap without a shared lease.
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      }, 150);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'beian-watch-hosts-'));
    store = await createStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('never checks one host twice at once, and keeps the interval, across two replicas', {
    timeout: 60_000,
  }, async () => {
    // One check at a time per replica leases 4 watches at a time, so each replica gets some of the 8 sites.
    const targets = Array.from({ length: 8 }, (_, i) => `${origin}/site-${i}/`);
    await store.watches.put(targets.map((target) => ({ target, everyMs: 3_600_000, nextRunAt: Date.now() })));
    const config = loadConfig({ BEIAN_ALLOW_PRIVATE_NETWORK: '1', BEIAN_HOST_INTERVAL_SECONDS: '0.2' });
    const watchConfig = loadWatchConfig({ BEIAN_WATCH_RECHECK_SECONDS: '0', BEIAN_WATCH_CONCURRENCY: '1' });
    const sink = { alert: async () => undefined };
    const replicas = [0, 1].map(() =>
      createWatchRuntime(config, watchConfig, store.watches, sink, undefined, undefined, store.queue),
    );
    try {
      await Promise.all(replicas.map((r) => r.scheduler.round({ all: false, awaitRechecks: false })));
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
    expect(starts.length).toBe(targets.length);
    expect(maxInFlight).toBe(1);
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] ?? 0));
    // Starts 0.2 s apart at least on the replicas' clocks. The server sees each request a little after its lease was
    // taken, and that delay varies on a loaded machine (a fresh-clone CI run saw 179 ms), so it allows a fifth less.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(160);
  });
});
