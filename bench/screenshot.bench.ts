/**
 * Footer pictures: what `--render --screenshot` adds to a rendered check, against the same render without the
 * picture measured in the same run (one browser, the two interleaved page by page so load affects both alike).
 * Pages: the compliant footer fixture, a 3,000 px page whose footer appears on scrolling, and a generated
 * homepage of ~100 KB with a long footer. Prints median times, the ratio, and the pictures' sizes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChromiumRenderer } from '../src/core/footer/render/chromium-renderer.js';
import { MAX_SCREENSHOT_BYTES } from '../src/core/footer/render/footer-screenshot.js';
import { percentile } from './stats.js';

const ROUNDS = 8;
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/render/${name}`, import.meta.url), 'utf8');

function bigPage(): string {
  const items = Array.from(
    { length: 400 },
    (_, i) => `<li><a href="/news/${i}">新闻标题 ${i} 关于企业服务的最新动态</a></li>`,
  );
  const links = Array.from({ length: 60 }, (_, i) => `<a href="/l/${i}">友情链接${i}</a>`).join(' ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>某某</title></head><body>
<main><ul>${items.join('')}</ul></main>
<footer style="background:#222;color:#ccc;padding:40px"><p>${links}</p><p>© 2026 北京某某科技有限公司 版权所有</p>
<p><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a> 京公网安备11010802044671号</p></footer></body></html>`;
}

const pages: Record<string, string> = {
  '/compliant.html': fixture('compliant.html'),
  '/scroll.html': fixture('scroll-footer.html'),
  '/big.html': bigPage(),
};

const server = createServer((req, res) => {
  const body = pages[req.url ?? ''];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body ?? '');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const renderer = await createChromiumRenderer();
const options = { allowPrivateNetwork: true, timeoutMs: 30_000 };

try {
  // Warm the browser once: the first page pays for starting its processes.
  await renderer.render(`${origin}/compliant.html`, options);
  process.stdout.write(
    '| page | render ms (median) | with picture ms (median) | ratio | picture KB (median / max) | size |\n',
  );
  process.stdout.write('|---|---|---|---|---|---|\n');
  for (const path of Object.keys(pages)) {
    const plain: number[] = [];
    const shot: number[] = [];
    const bytes: number[] = [];
    let size = '';
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = performance.now();
      await renderer.render(`${origin}${path}`, options);
      plain.push(performance.now() - started);
      started = performance.now();
      const page = await renderer.render(`${origin}${path}`, { ...options, screenshot: true });
      shot.push(performance.now() - started);
      if (!page.screenshot) throw new Error(`no picture of ${path}`);
      bytes.push(page.screenshot.bytes.length);
      size = `${page.screenshot.width}×${page.screenshot.height}`;
    }
    const a = percentile(plain, 50);
    const b = percentile(shot, 50);
    const kb = (n: number) => (n / 1024).toFixed(1);
    process.stdout.write(
      `| ${path} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b / a).toFixed(2)} | ${kb(percentile(bytes, 50))} / ${kb(Math.max(...bytes))} | ${size} |\n`,
    );
  }
  process.stdout.write(`\nCap: ${MAX_SCREENSHOT_BYTES / 1024} KB per picture (JPEG quality 75, then 45).\n`);
} finally {
  await renderer.close();
  server.close();
}
