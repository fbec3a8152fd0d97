/**
 * Footer checks against a cost floor measured in the same run.
 *
 * A child process serves 1,000 generated homepages (~100 KB each: Chinese navigation, article lists,
 * inline scripts and styles, footers with number variants) on 127.0.0.1, so the pages do not count
 * against the checker's memory. Each measurement runs in its own child process (fresh heap):
 * - floor: node:http get + htmlparser2 parseDocument over the same pages, at the same concurrency;
 * - ours: checkFooter (static) over 1,000 targets and, in another process, over 250; peak RSS sampled
 *   every 50 ms (and read again when the 1,000 run has done 250): memory must not grow with the count;
 * - rendered: checkFooter with --render's renderer, the browser started once; cold first page apart.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { servePagesToParent } from './stats.js';

const PAGES = 1_000;
const SMALL_RUN = 250;
const CONCURRENCY = 8;
const RENDERED_PAGES = 10;
const TARGET_BYTES = 100 * 1024;
const SELF = fileURLToPath(import.meta.url);

type Role = 'server' | 'floor' | 'ours' | 'rendered';

interface RunResult {
  pages: number;
  seconds: number;
  peakRssMb: number;
  startRssMb: number;
  verdicts?: Record<string, number>;
  /** Heap still in use after a full GC at the end: what the run keeps, as opposed to garbage not yet collected. */
  retainedMb: number;
  /** The same run seen when SMALL_RUN targets were done: is memory still growing with the count? */
  checkpoint?: { pages: number; seconds: number; peakRssMb: number; retainedMb: number };
  coldSeconds?: number;
  launchSeconds?: number;
}

// ---------- page generation (deterministic) ----------

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  '政策 解读 企业 服务 数字 经济 发展 创新 平台 建设 网络 安全 数据 管理 行业 动态 公告 通知 技术 产品 解决方案 合作 伙伴 客户 案例 新闻 中心 关于 我们 招聘 信息 联系 方式 智慧 城市 云计算 人工智能 物联网'.split(
    ' ',
  );
const PROVINCES = ['京', '沪', '粤', '浙', '苏', '川', '鄂', '闽'];

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join('');
}

function footerVariant(index: number, random: () => number): string {
  const province = PROVINCES[index % PROVINCES.length] ?? '京';
  const serial = String(10_000_000 + Math.floor(random() * 89_999_999));
  const company = `${province === '沪' ? '上海' : '北京'}${words(random, 2)}科技有限公司`;
  const number = `${province}ICP备${serial}号-${1 + (index % 3)}`;
  const psb = `${province}公网安备1101080${String(2_000_000 + index).padStart(7, '0')}号`;
  const variants = [
    `<a href="https://beian.miit.gov.cn/" target="_blank">${number}</a>`,
    `<a href="http://www.miitbeian.gov.cn/">${number}</a>`,
    `<span>${number}</span>`,
    `<a href="https://beian.miit.gov.cn/">${province}ＩＣＰ备${serial}号－１</a>`,
    `<a href="https://beian.miit.gov.cn/">${province}ICP备<span>${serial.slice(0, 4)}</span>${serial.slice(4)}号</a>`,
    `<a href="https://beian.miit.gov.cn/">${number}</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=1101080${String(2_000_000 + index).padStart(7, '0')}"><img src="/ga.png">${psb}</a>`,
    `<p style="display:none">${number}</p>`,
    '',
  ];
  const chosen = variants[index % variants.length] ?? '';
  return `<footer class="footer"><div class="copyright">© 2024 ${company} 版权所有</div><div class="beian">${chosen}</div></footer>`;
}

/** One realistic homepage of about TARGET_BYTES bytes of UTF-8. */
export function generatePage(index: number): string {
  const random = createRandom(index + 1);
  const nav = Array.from({ length: 24 }, (_, i) => `<li><a href="/c/${i}">${words(random, 2)}</a></li>`).join('');
  const head = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${words(random, 4)}</title>
<meta name="keywords" content="${words(random, 8)}"><style>${'.n{margin:0;padding:0}'.repeat(60)}</style>
<script>${'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};'.repeat(40)}</script></head>`;
  const parts = [head, `<body><header><nav><ul>${nav}</ul></nav></header><main>`];
  let size = Buffer.byteLength(parts.join(''));
  const footer = footerVariant(index, random);
  const tail = `</main>${footer}<script>${'(function(){var a=1;})();'.repeat(30)}</script></body></html>`;
  const budget = TARGET_BYTES - Buffer.byteLength(tail);
  for (let article = 0; size < budget; article += 1) {
    const item = `<article class="item"><h3><a href="/a/${index}-${article}">${words(random, 6)}</a></h3><p class="meta">2024-0${1 + (article % 9)}-1${article % 10} · ${words(random, 1)}</p><p>${words(random, 40)}</p></article>`;
    parts.push(item);
    size += Buffer.byteLength(item);
  }
  parts.push(tail);
  return parts.join('');
}

// ---------- roles ----------

async function serve(): Promise<void> {
  servePagesToParent(Array.from({ length: PAGES }, (_, i) => Buffer.from(generatePage(i))));
}

function fetchAndParse(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        parseDocument(Buffer.concat(chunks).toString('utf8'));
        resolve();
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function runPool(count: number, check: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await check(index);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

function sampleRss(): { peek: () => number; stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    peek: () => Math.max(peak, process.memoryUsage.rss()),
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

function retainedHeapMb(): number {
  globalThis.gc?.();
  return mb(process.memoryUsage().heapUsed);
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const siteUrl = (port: number, index: number) => `http://127.0.0.1:${port}/site/${index % PAGES}/`;

async function createCheck(role: 'floor' | 'ours', port: number, verdicts: Record<string, number>) {
  if (role === 'floor') return (i: number) => fetchAndParse(siteUrl(port, i));
  // Loaded only where used, so the floor's process does not carry the checker's modules in its RSS.
  const { checkFooter } = await import('../src/core/footer/check-footer.js');
  return async (i: number) => {
    const report = await checkFooter(siteUrl(port, i), { allowPrivateNetwork: true });
    verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
  };
}

async function measureStatic(role: 'floor' | 'ours', port: number, count: number): Promise<RunResult> {
  const verdicts: Record<string, number> = {};
  const check = await createCheck(role, port, verdicts);
  await runPool(16, check); // warm-up: JIT and sockets, not measured
  for (const key of Object.keys(verdicts)) delete verdicts[key];
  globalThis.gc?.();
  const startRss = process.memoryUsage.rss();
  const sampler = sampleRss();
  const started = performance.now();
  let done = 0;
  let checkpoint: RunResult['checkpoint'];
  await runPool(count, async (i) => {
    await check(i);
    done += 1;
    if (done !== SMALL_RUN) return;
    const seconds = (performance.now() - started) / 1000;
    checkpoint = { pages: done, seconds, peakRssMb: mb(sampler.peek()), retainedMb: retainedHeapMb() };
  });
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = mb(sampler.stop());
  return {
    pages: count,
    seconds,
    peakRssMb,
    startRssMb: mb(startRss),
    retainedMb: retainedHeapMb(),
    verdicts,
    checkpoint,
  };
}

async function measureRendered(port: number): Promise<RunResult> {
  const { checkFooter } = await import('../src/core/footer/check-footer.js');
  const { createChromiumRenderer } = await import('../src/core/footer/render/chromium-renderer.js');
  const startRss = process.memoryUsage.rss();
  const sampler = sampleRss();
  const launched = performance.now();
  const renderer = await createChromiumRenderer();
  const launchSeconds = (performance.now() - launched) / 1000;
  const options = { allowPrivateNetwork: true, render: true };
  const verdicts: Record<string, number> = {};
  try {
    const coldStart = performance.now();
    await checkFooter(siteUrl(port, 0), options, { renderer });
    const coldSeconds = (performance.now() - coldStart) / 1000;
    const started = performance.now();
    for (let i = 1; i <= RENDERED_PAGES; i += 1) {
      const report = await checkFooter(siteUrl(port, i), options, { renderer });
      verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      pages: RENDERED_PAGES,
      seconds,
      peakRssMb: mb(sampler.stop()),
      startRssMb: mb(startRss),
      retainedMb: retainedHeapMb(),
      verdicts,
      coldSeconds,
      launchSeconds,
    };
  } finally {
    await renderer.close();
  }
}

async function measure(role: Exclude<Role, 'server'>): Promise<void> {
  const port = Number(process.env.FOOTER_BENCH_PORT);
  const count = Number(process.env.FOOTER_BENCH_COUNT ?? PAGES);
  const result = role === 'rendered' ? await measureRendered(port) : await measureStatic(role, port, count);
  process.send?.(result);
  process.disconnect?.();
}

// ---------- orchestration ----------

function startChild(role: Role, env: Record<string, string> = {}): ChildProcess {
  return fork(SELF, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, FOOTER_BENCH_ROLE: role, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function firstMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`bench child exited with ${code} before answering`)));
  });
}

async function runChild(role: Exclude<Role, 'server'>, port: number, count = PAGES): Promise<RunResult> {
  const child = startChild(role, { FOOTER_BENCH_PORT: String(port), FOOTER_BENCH_COUNT: String(count) });
  return firstMessage<RunResult>(child);
}

function row(name: string, r: RunResult, floor?: RunResult): string {
  const rate = r.pages / r.seconds;
  const ratio = floor ? (rate / rateOf(floor)).toFixed(2) : '1.00';
  const verdicts = r.verdicts && Object.keys(r.verdicts).length > 0 ? JSON.stringify(r.verdicts) : '';
  const cells = [name, r.pages, r.seconds.toFixed(2), rate.toFixed(0), ratio, r.startRssMb, r.peakRssMb, r.retainedMb];
  return `| ${[...cells, verdicts].join(' | ')} |`;
}

const rateOf = (r: RunResult) => r.pages / r.seconds;
const fastest = (runs: RunResult[]) => runs.reduce((best, r) => (rateOf(r) > rateOf(best) ? r : best));

/** A second round of floor + checker (the faster of each is kept) only when the first was quick enough. */
const SECOND_ROUND_UNDER_S = 30;

async function measureRounds(port: number): Promise<{ floors: RunResult[]; ours: RunResult[] }> {
  const started = performance.now();
  const floors = [await runChild('floor', port)];
  const ours = [await runChild('ours', port)];
  if ((performance.now() - started) / 1000 < SECOND_ROUND_UNDER_S) {
    floors.push(await runChild('floor', port));
    ours.push(await runChild('ours', port));
  }
  return { floors, ours };
}

async function main(): Promise<void> {
  const server = startChild('server');
  const { port, averageKb } = await firstMessage<{ port: number; averageKb: number }>(server);
  try {
    const rounds = await measureRounds(port);
    const alone = await runChild('ours', port, SMALL_RUN);
    const rendered = await runChild('rendered', port);
    const floor = fastest(rounds.floors);
    const ours = fastest(rounds.ours);
    const first = rounds.ours[0] ?? ours;
    const small: RunResult = { ...first, ...first.checkpoint, verdicts: {} };
    const roundRows = rounds.floors.flatMap((f, i) => {
      const o = rounds.ours[i];
      const label = rounds.floors.length > 1 ? ` (round ${i + 1})` : '';
      return [row(`floor: http.get + parseDocument${label}`, f), ...(o ? [row(`checkFooter${label}`, o, f)] : [])];
    });
    const lines = [
      `${PAGES} pages of ${averageKb.toFixed(0)} KB average on 127.0.0.1, concurrency ${CONCURRENCY}; each run in a fresh process.`,
      '',
      '| run | pages | seconds | pages/s | ratio vs floor | start RSS MB | peak RSS MB | heap after GC MB | verdicts |',
      '|---|---|---|---|---|---|---|---|---|',
      ...roundRows,
      row(`checkFooter round 1, first ${SMALL_RUN}`, small, rounds.floors[0]),
      row(`checkFooter, ${SMALL_RUN} targets on their own`, alone, floor),
      '',
      `Goal: ratio ≥ 0.5 → ${(rateOf(ours) / rateOf(floor)).toFixed(2)} (fastest of ${rounds.ours.length} vs fastest of ${rounds.floors.length}).`,
      `Memory flat in targets: peak RSS ${alone.peakRssMb} MB for ${SMALL_RUN} targets vs ${first.peakRssMb} MB for ${PAGES}; heap after GC ${small.retainedMb} MB after ${SMALL_RUN} vs ${first.retainedMb} MB after ${PAGES} of the same run; floor peak ${floor.peakRssMb} MB.`,
      `Rendered (browser started once): launch ${rendered.launchSeconds?.toFixed(2)} s, cold first page ${rendered.coldSeconds?.toFixed(2)} s, then ${(rendered.seconds / rendered.pages).toFixed(2)} s a page over ${rendered.pages} pages; verdicts ${JSON.stringify(rendered.verdicts)}.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.disconnect();
    server.kill();
  }
}

// Imported (e.g. to profile generatePage's pages) it does nothing; run, it plays the role it was given.
if (process.argv[1] === SELF) {
  const role = process.env.FOOTER_BENCH_ROLE as Role | undefined;
  if (role === 'server') await serve();
  else if (role) await measure(role);
  else await main();
}
