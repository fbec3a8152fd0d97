import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { FetchError, TargetError } from '../../errors.js';
import { bareHost, defaultResolve, portOf } from '../fetch/connect.js';
import type { Connector, Resolver } from '../fetch/types.js';
import { type AddressGuard, createAddressGuard, type GuardVerdict } from './address-guard.js';
import { ANNOTATE_SCRIPT } from './annotate-script.js';
import { takeFooterScreenshot } from './footer-screenshot.js';
import { type GuardProxy, type RefusedHost, startGuardProxy } from './guard-proxy.js';
import { isMainNavigation, NavigationLog } from './navigation-log.js';
import type { PageRenderer, RenderedPage, RenderOptions } from './types.js';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Script heap per renderer, in MB: a homepage needs a few tens; a page past this is stopped (its tab
 * crashes and the render is inconclusive) instead of taking the machine's memory (seen: 4 GB).
 */
export const V8_HEAP_MB = 256;

/** Flags that keep the browser quiet: no update checks, sync, QUIC or WebRTC leaks of its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--dns-prefetch-disable',
  // Every page request goes through our loopback proxy, which resolves names itself; the browser never needs
  // DNS. Without this its own services still look up accounts.google.com and update.googleapis.com (seen in
  // an strace of the test suite) despite the flags above.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  `--js-flags=--max-old-space-size=${V8_HEAP_MB}`,
];

export interface ChromiumRendererOptions {
  /** Default `/usr/bin/chromium` (Debian's package). */
  executablePath?: string;
  /** Name resolution for the address policy; default: the system resolver. */
  resolve?: Resolver;
  /** Opens the connection to a checked address; default `net.connect`. Tests use it to see what was dialled. */
  connect?: Connector;
  /** Extra Chromium flags (appended). */
  args?: string[];
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** Schemes that never touch the network (inline images, generated scripts). */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Longest wait for the `load` event and then for the network to go quiet (500 ms without requests). */
const SETTLE_CAP_MS = 5_000;
/** Scrolling to the bottom stops when the height stops growing, or after this many rounds (infinite feeds). */
const SCROLL_ROUNDS = 5;
const SCROLL_PAUSE_MS = 250;
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/**
 * Starts headless Chromium once and returns a renderer that loads each page in a fresh context,
 * lets it settle, scrolls to the bottom, annotates the DOM (see ./types.ts) and serialises it.
 *
 * Every request leaves through a per-render loopback proxy that resolves the host itself, refuses
 * non-public addresses (unless allowed) and dials the address it checked, so Chromium never
 * resolves or connects to a site on its own; a `context.route` check refuses other schemes and
 * refused hosts before the request is even sent (Playwright does not ask routes about redirects:
 * the proxy is what stops those). What remains, honestly: the proxy binds page contexts only, so
 * Chromium's own services (updates, sync, safe browsing, DNS prefetch) are kept quiet by the flags
 * above rather than by the proxy; WebRTC is held to proxied traffic by a flag, not by us.
 *
 * Bounded: the byte cap counts decoded bytes for the whole page (the proxy decodes plain http
 * itself; over https the browser accepts only unencoded content, so the bytes in the tunnel are
 * the decoded ones, TLS overhead included), each renderer's script heap is capped (V8_HEAP_MB),
 * and a page that navigates on to somewhere refused or unreachable is never judged as Chromium's
 * error page (see ./navigation-log.ts).
 */
export async function createChromiumRenderer(options: ChromiumRendererOptions = {}): Promise<PageRenderer> {
  const browser = await launchChromium(options);
  const resolve = options.resolve ?? defaultResolve;
  return {
    render: (url, renderOptions) => renderPage(browser, url, renderOptions, { resolve, connect: options.connect }),
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}

async function launchChromium(options: ChromiumRendererOptions): Promise<Browser> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new FetchError(
      'browser-missing',
      `Chromium is not installed: apt-get install chromium (looked for ${executablePath})`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

interface RenderDeps {
  resolve: Resolver;
  connect: Connector | undefined;
}

/** Stops a render from outside the page's own work: the time limit, the byte budgets, a crashed tab. */
function stopSignal(): { stop: (error: Error) => void; stopped: Promise<never> } {
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  return { stop, stopped };
}

async function renderPage(browser: Browser, url: string, options: RenderOptions, deps: RenderDeps) {
  const target = parseTarget(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const guard = createAddressGuard({ allowPrivateNetwork: options.allowPrivateNetwork, target, resolve: deps.resolve });
  const first = await guard.check(target.hostname, portOf(target));
  if (!first.allowed) throw refusal(first);

  const { stop, stopped } = stopSignal();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const overLimit = () => stop(new FetchError('too-large', `The rendered page loaded more than ${maxBytes} bytes.`));
  const proxy = await startGuardProxy({ guard, connect: deps.connect, maxBytes, onOverLimit: overLimit });
  const timer = setTimeout(
    () => stop(new FetchError('timeout', `Rendering ${url} took longer than ${timeoutMs / 1000} s.`)),
    timeoutMs,
  );
  let context: BrowserContext | undefined;
  try {
    const refusedNavigations: RefusedHost[] = [];
    const log = new NavigationLog();
    context = await openContext(browser, proxy, guard, { refusedNavigations, log });
    const page = await context.newPage();
    log.watch(page);
    page.once('crash', () => stop(new FetchError('browser-crashed', TAB_CRASHED)));
    stopOnEncodedContent(page, stop);
    const problemOf = (host: string) => problemWithHost(host, [...refusedNavigations, ...proxy.refused], proxy);
    const loading = loadAndAnnotate(page, target.href, timeoutMs).then(
      async (rendered) => {
        const problem = log.problemWith(rendered.finalUrl, problemOf);
        if (problem) throw problem;
        if (!options.screenshot) return rendered;
        // A picture that cannot be taken costs the picture, not the verdict.
        const screenshot = await takeFooterScreenshot(page, timeoutMs).catch(() => null);
        return screenshot ? { ...rendered, screenshot } : rendered;
      },
      (error: unknown) => {
        // The page's own script may have navigated away before the load finished.
        const leftFor = log.committed ? log.problemWith(page.url(), problemOf) : null;
        if (leftFor) throw leftFor;
        // A refused redirect is seen by the proxy only: Playwright's routes are not asked about redirects.
        const failure = proxy.failures.findLast((f) => f.host === bareHost(target))?.error;
        throw explainLoadFailure(error, target.href, refusedNavigations[0] ?? proxy.refused.at(-1), failure);
      },
    );
    return await Promise.race([loading, stopped]);
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    await proxy.close();
  }
}

const TAB_CRASHED = `The browser tab rendering the page crashed; most often its scripts used more than the ${V8_HEAP_MB} MB memory limit.`;

/**
 * Stops the render when the browser met content it was not allowed to decode. The browser asks for
 * unencoded content and refuses any other (ERR_CONTENT_DECODING_FAILED): over https the proxy sees only
 * encrypted bytes, so a compressed body there could grow past every cap inside the browser.
 */
function stopOnEncodedContent(page: Page, stop: (error: Error) => void): void {
  page.on('requestfailed', (request) => {
    if (!/ERR_CONTENT_DECODING/.test(request.failure()?.errorText ?? '')) return;
    stop(new FetchError('encoded-content', ENCODED_CONTENT(request.url())));
  });
}

const ENCODED_CONTENT = (url: string) =>
  `${url} was sent compressed although the checker asks for uncompressed content; compressed https content cannot be size-checked, so the render stopped.`;

/** The reason `host` could not be reached in this render: a refusal (ours) or a connection failure. */
function problemWithHost(host: string, refused: readonly RefusedHost[], proxy: GuardProxy): Error | undefined {
  const refusedHere = refused.findLast((r) => r.host === host);
  if (refusedHere) return refusal(refusedHere);
  return proxy.failures.findLast((f) => f.host === host)?.error;
}

function refusal(verdict: RefusedVerdict): Error {
  if (verdict.why === 'dns') return new FetchError('dns', verdict.reason);
  return new TargetError('refused-address', verdict.reason);
}

/**
 * Turns Playwright's `page.goto: net::ERR_…` into the sentence a person needs (a refused redirect, say);
 * `failure` is what the proxy saw go wrong with the target, which also explains an error status the
 * proxy itself answered.
 */
function explainLoadFailure(
  error: unknown,
  url: string,
  refused: RefusedVerdict | undefined,
  failure: FetchError | undefined,
): Error {
  if (error instanceof TargetError) return error;
  if (error instanceof FetchError) return error.code === 'http-status' && failure ? failure : error;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new FetchError('timeout', `Rendering ${url} took too long.`, { cause: error });
  }
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (refused) return refusal(refused);
  if (failure) return failure;
  return new FetchError('unreachable', `The browser could not load ${url}: ${detail.replace(/^page\.goto: /, '')}`, {
    cause: error,
  });
}

function parseTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new TargetError('invalid-url', `Not a URL: ${url}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new TargetError('invalid-url', `Only http and https pages can be rendered, not ${target.protocol}`);
  }
  return target;
}

type RefusedVerdict = Extract<GuardVerdict, { allowed: false }>;

interface RouteRecord {
  /** Refusals of top-level navigations, by host. */
  refusedNavigations: RefusedHost[];
  log: NavigationLog;
}

async function openContext(
  browser: Browser,
  proxy: GuardProxy,
  guard: AddressGuard,
  record: RouteRecord,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    userAgent: USER_AGENT,
    acceptDownloads: false,
    // A service worker's own fetches would not pass through the context's routes.
    serviceWorkers: 'block',
    // Loopback is proxied too: Playwright adds `<-loopback>` to the bypass list for us.
    proxy: { server: proxy.server },
    // See stopOnEncodedContent; for plain http the proxy decodes what it asked for and counts decoded bytes.
    extraHTTPHeaders: { 'accept-encoding': 'identity' },
  });
  await context.routeWebSocket(
    () => true,
    (ws) => ws.close(),
  );
  await context.route('**/*', async (route) => {
    const request = new URL(route.request().url());
    if (LOCAL_SCHEMES.has(request.protocol)) return route.continue();
    if (request.protocol !== 'http:' && request.protocol !== 'https:') return route.abort('blockedbyclient');
    const verdict = await guard.check(request.hostname, portOf(request));
    if (verdict.allowed) return route.continue();
    if (!isMainNavigation(route.request())) return route.abort('blockedbyclient');
    record.refusedNavigations.push({ ...verdict, host: bareHost(request) });
    if (!record.log.committed) return route.abort('blockedbyclient');
    // The page's script or a refresh wants to leave for an address we refuse. Cancelling (not failing)
    // keeps the page the visitor saw in place, and that page is judged: the refusal is our policy's,
    // not the site's. A host that is not in DNS fails for the visitor too, so that one shows as an error.
    return route.abort(verdict.why === 'policy' ? 'aborted' : 'namenotresolved');
  });
  return context;
}

async function loadAndAnnotate(page: Page, url: string, timeoutMs: number): Promise<RenderedPage> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  if (response && response.status() >= 400) {
    throw new FetchError('http-status', `The page answered HTTP ${response.status()} in the browser.`);
  }
  await settle(page);
  await scrollToBottom(page);
  await settle(page);
  try {
    return await annotate(page);
  } catch (error) {
    // A script navigated (location.href = …) while we read the page: read the page it went to.
    if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    await settle(page);
    return annotate(page);
  }
}

async function annotate(page: Page): Promise<RenderedPage> {
  await page.mainFrame().evaluate(ANNOTATE_SCRIPT);
  const html = await page.content();
  const frames = await Promise.all(sameOriginFrames(page).map(readFrame));
  return { finalUrl: page.url(), html, frames: frames.filter((frame) => frame !== null) };
}

async function readFrame(frame: Frame): Promise<{ url: string; html: string } | null> {
  try {
    await frame.evaluate(ANNOTATE_SCRIPT);
    return { url: frame.url(), html: await frame.content() };
  } catch {
    return null; // detached or navigating while we read it: left out rather than failing the page
  }
}

async function settle(page: Page): Promise<void> {
  // A page that never goes quiet (polling, analytics) is read as it is once the cap is reached.
  await page.waitForLoadState('load', { timeout: SETTLE_CAP_MS }).catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: SETTLE_CAP_MS }).catch(() => undefined);
}

async function scrollToBottom(page: Page): Promise<void> {
  let height = -1;
  for (let round = 0; round < SCROLL_ROUNDS; round += 1) {
    const next = await page.evaluate(
      'window.scrollTo(0, document.scrollingElement ? document.scrollingElement.scrollHeight : 0), document.scrollingElement ? document.scrollingElement.scrollHeight : 0',
    );
    if (next === height) break;
    height = Number(next);
    await page.waitForTimeout(SCROLL_PAUSE_MS);
  }
}

function sameOriginFrames(page: Page): Frame[] {
  const origin = new URL(page.url()).origin;
  return page.frames().filter((frame) => frame !== page.mainFrame() && isSameOrigin(frame, origin));
}

function isSameOrigin(frame: Frame, origin: string): boolean {
  if (frame.url() === 'about:srcdoc') return true;
  try {
    return new URL(frame.url()).origin === origin;
  } catch {
    return false;
  }
}
