import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumRenderer } from '../../../../src/core/footer/render/chromium-renderer.js';
import {
  MAX_CLIP_HEIGHT,
  MAX_SCREENSHOT_BYTES,
  planFooterShot,
  type ShotCandidate,
} from '../../../../src/core/footer/render/footer-screenshot.js';
import type { PageRenderer } from '../../../../src/core/footer/render/types.js';
import { type Route, routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/render/${name}`, import.meta.url), 'utf8');
const page = (name: string): Route => ({ body: fixture(name) });

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) throw new Error(`not a JPEG marker at ${i}`);
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc2) {
      return {
        height: ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0),
        width: ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0),
      };
    }
    i += 2 + length;
  }
  throw new Error('no start-of-frame marker');
}

const candidate = (index: number, text: string, y: number, extra: Partial<ShotCandidate> = {}): ShotCandidate => ({
  index,
  text,
  box: { x: 100, y, width: 200, height: 20 },
  href: null,
  anchor: -1,
  ...extra,
});

describe('planFooterShot', () => {
  const size = { width: 1366, height: 3000 };

  it('clips around the number and its own MIIT link, the page wide, with the number inside', () => {
    const plan = planFooterShot(
      [
        candidate(0, '京ICP备05004398号-1', 2900, { href: 'https://beian.miit.gov.cn/', anchor: 0 }),
        candidate(1, '© 2024 北京某某科技有限公司 京ICP备05004398号-1', 2890, {
          box: { x: 0, y: 2890, width: 800, height: 60 },
        }),
      ],
      'https://example.cn/',
      size,
    );
    expect(plan).toMatchObject({ icp: 0, link: 0 });
    expect(plan.clip.width).toBe(1366);
    expect(plan.clip.y).toBeLessThanOrEqual(2900);
    expect(plan.clip.y + plan.clip.height).toBeGreaterThanOrEqual(2920);
    expect(plan.clip.y + plan.clip.height).toBeLessThanOrEqual(3000);
  });

  it('outlines the nearest MIIT link when the number itself is not a link', () => {
    const plan = planFooterShot(
      [
        candidate(0, '京ICP备05004398号-1', 1000),
        candidate(1, '查询', 1030, { href: 'https://beian.miit.gov.cn/', anchor: 1 }),
        candidate(2, '查询', 200, { href: 'http://beian.miit.gov.cn/', anchor: 2 }),
        candidate(3, 'another site', 1001, { href: 'https://example.com/', anchor: 3 }),
      ],
      'https://example.cn/',
      size,
    );
    expect(plan).toMatchObject({ icp: 0, link: 1 });
  });

  it('stays at most MAX_CLIP_HEIGHT tall, centred on the number, when the link is far away', () => {
    const plan = planFooterShot(
      [
        candidate(0, '京ICP备05004398号-1', 2000),
        candidate(1, 'x', 100, { href: 'https://beian.miit.gov.cn/', anchor: 1 }),
      ],
      'https://example.cn/',
      size,
    );
    expect(plan.clip.height).toBe(MAX_CLIP_HEIGHT);
    expect(plan.clip.y).toBeLessThan(2000);
    expect(plan.clip.y + plan.clip.height).toBeGreaterThan(2020);
  });

  it('takes the bottom strip, outlining nothing, when no text holds an ICP number', () => {
    const plan = planFooterShot([candidate(0, '备注：欢迎', 100)], 'https://example.cn/', size);
    expect(plan).toMatchObject({ icp: -1, link: -1 });
    expect(plan.clip.y + plan.clip.height).toBe(3000);
  });

  it('never clips past a short page', () => {
    const plan = planFooterShot([candidate(0, '京ICP备05004398号-1', 50)], 'https://example.cn/', {
      width: 800,
      height: 100,
    });
    expect(plan.clip.y).toBe(0);
    expect(plan.clip.height).toBeLessThanOrEqual(100);
  });
});

describe('footer screenshots in Chromium (loopback pages)', () => {
  let server: TestServer;
  let renderer: PageRenderer;
  const local = { allowPrivateNetwork: true, timeoutMs: 15_000 };

  beforeAll(async () => {
    server = await startServer(
      routes({
        '/compliant.html': page('compliant.html'),
        '/scroll.html': page('scroll-footer.html'),
        '/none.html': page('no-number.html'),
      }),
    );
    renderer = await createChromiumRenderer();
  });
  afterAll(async () => {
    await renderer.close();
    await server.close();
  });

  it('takes a bounded JPEG of the footer with the number and its link outlined', async () => {
    const rendered = await renderer.render(`${server.url}compliant.html`, { ...local, screenshot: true });
    const shot = rendered.screenshot;
    expect(shot).toBeDefined();
    if (!shot) return;
    expect([...shot.bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(shot.bytes.length).toBeLessThanOrEqual(MAX_SCREENSHOT_BYTES);
    expect(jpegSize(shot.bytes)).toEqual({ width: shot.width, height: shot.height });
    expect(shot.height).toBeLessThanOrEqual(MAX_CLIP_HEIGHT);
    expect(shot.outlined).toEqual({ icp: true, link: true });
  });

  it('finds a footer drawn only after scrolling, at the bottom of a long page', async () => {
    const rendered = await renderer.render(`${server.url}scroll.html`, { ...local, screenshot: true });
    const shot = rendered.screenshot;
    expect(shot?.outlined.icp).toBe(true);
    // The page is over 3000 px tall; the footer is below the content.
    expect(shot?.region.y).toBeGreaterThan(2500);
  });

  it('takes the bottom of the page, outlining nothing, when it shows no number', async () => {
    const rendered = await renderer.render(`${server.url}none.html`, { ...local, screenshot: true });
    expect(rendered.screenshot?.outlined).toEqual({ icp: false, link: false });
  });

  it('takes no picture unless asked', async () => {
    const rendered = await renderer.render(`${server.url}compliant.html`, local);
    expect(rendered.screenshot).toBeUndefined();
  });
});
