import { type IncomingMessage, request, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FetchError, TargetError } from '../../errors.js';
import type { RedirectHop } from '../types.js';
import { createNetworkPolicy } from './address-policy.js';
import {
  bareHost,
  type ConnectContext,
  connectPinned,
  defaultConnect,
  defaultResolve,
  portOf,
  resolveChecked,
  startTls,
} from './connect.js';
import { isHtmlType, looksLikeHtml, mediaTypeOf } from './content-type.js';
import { CookieJar } from './cookie-jar.js';
import { Deadline } from './deadline.js';
import { decodeHtml } from './decode.js';
import { errorCode, FetchTimeoutError, HttpStatusError } from './fetch-errors.js';
import { findMetaRefresh, MAX_REFRESH_DELAY_S, parseRefreshContent, withoutHash } from './meta-refresh.js';
import { checkDeclaredLength, readBody } from './read-body.js';
import { parseTarget, urlProblem } from './target.js';
import type { FetchDeps, FetchedPage, FetchOptions, PhaseLimits } from './types.js';

/** Defaults for one fetch, each with its reason. */
export const FETCH_DEFAULTS = Object.freeze({
  /** Long enough for a slow mainland server reached from abroad, short enough for a chat reply. */
  timeoutMs: 20_000,
  /** Real homepages are far below this; anything bigger is a download or an attack. */
  maxBytes: 5 * 1024 * 1024,
  /** Browsers allow ~20, but a homepage that needs more than 5 hops is already a finding. */
  maxRedirects: 5,
  /** Each phase gets less than the whole budget so a https attempt that hangs leaves time for http. */
  phases: Object.freeze<PhaseLimits>({ dns: 5_000, connect: 8_000, tls: 8_000, response: 10_000, bodyIdle: 10_000 }),
  /** An error page bigger than this is not kept on the error (WAF challenge pages are small). */
  errorPageBytes: 256 * 1024,
});

/** Sent on every request: a desktop Chrome, as WAFs in front of Chinese sites treat other clients as bots. */
export const REQUEST_HEADERS = Object.freeze({
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  connection: 'close',
});

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface FetchContext extends ConnectContext {
  maxBytes: number;
  maxRedirects: number;
  /** 'homepage' or 'page', for messages. */
  noun: string;
  /** Set once a connection (with TLS, for https) was established: after that, no https→http fallback. */
  established: boolean;
  cookies: CookieJar;
}

interface Exchange {
  response: IncomingMessage;
  close(): void;
}

function createContext(options: FetchOptions, deps: FetchDeps, noun: string, target: URL): FetchContext {
  const limits = { ...FETCH_DEFAULTS.phases, ...options.phaseTimeoutsMs };
  return {
    resolve: deps.resolve ?? defaultResolve,
    connect: deps.connect ?? defaultConnect,
    ca: deps.ca,
    network: createNetworkPolicy(options.allowPrivateNetwork, target),
    deadline: new Deadline(options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs, limits, options.signal),
    dnsCache: new Map(),
    maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    noun,
    established: false,
    cookies: new CookieJar(),
  };
}

function ignore(): void {}

function requestHeaders(url: URL, ctx: FetchContext): Record<string, string> {
  const cookie = ctx.cookies.headerFor(url.hostname);
  return { ...REQUEST_HEADERS, host: url.host, ...(cookie ? { cookie } : {}) };
}

/** A page's identity for loop detection: the URL without its fragment, and the cookies it will be sent. */
function visitKey(url: URL, ctx: FetchContext): string {
  return `${withoutHash(url)} ${ctx.cookies.headerFor(url.hostname)}`;
}

/** Resolves and checks the host, connects to the checked address only, and sends the GET. */
async function openExchange(url: URL, ctx: FetchContext): Promise<Exchange> {
  ctx.deadline.throwIfAborted();
  const addresses = await resolveChecked(url, ctx);
  const tcp = await connectPinned(addresses, url, portOf(url), ctx);
  const socket: Socket = url.protocol === 'https:' ? await startTls(tcp, url, ctx) : tcp;
  ctx.established = true;
  // From here failures surface through the request and response; a late socket error must not crash.
  for (const stream of new Set([tcp, socket])) stream.on('error', ignore);
  const req = request({
    method: 'GET',
    path: `${url.pathname}${url.search}`,
    headers: requestHeaders(url, ctx),
    createConnection: () => socket,
  });
  const close = () => {
    req.destroy();
    socket.destroy();
  };
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  req.end();
  req.on('error', ignore);
  try {
    const response = await ctx.deadline.run('response', bareHost(url), answered, close);
    ctx.cookies.store(url.hostname, response);
    return { response, close };
  } catch (error) {
    close();
    throw error instanceof FetchError ? error : noAnswer(error, url);
  }
}

function noAnswer(error: unknown, url: URL): FetchError {
  const code = errorCode(error);
  if (code.startsWith('HPE_')) {
    return new FetchError('bad-response', `${bareHost(url)} did not answer with valid HTTP (${code}).`, {
      cause: error,
    });
  }
  return new FetchError('unreachable', `${bareHost(url)} closed the connection without answering.`, { cause: error });
}

function statusText(status: number): string {
  return `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
}

/** A Location header as a URL: raw UTF-8 bytes (which Node reads as Latin-1) repaired, relative resolved. */
function locationOf(response: IncomingMessage, from: URL): URL {
  const raw = response.headers.location;
  const status = statusText(response.statusCode ?? 0);
  if (!raw) throw new FetchError('bad-redirect', `${from.href} answered ${status} but did not say where to go.`);
  const bytes = Buffer.from(raw, 'latin1');
  const text = /[^\x20-\x7e]/.test(raw) && !bytes.toString('utf8').includes('\ufffd') ? bytes.toString('utf8') : raw;
  const next = URL.parse(text, from);
  if (!next) throw new FetchError('bad-redirect', `${from.href} redirects to "${raw}", which is not a valid address.`);
  return next;
}

/** A URL fit for a message: never shows a password. */
function displayUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** Checks a hop before it is followed: allowed URL, not seen before, within the redirect limit. */
function checkHop(from: URL, to: URL, redirects: RedirectHop[], seen: Set<string>, ctx: FetchContext): void {
  const problem = urlProblem(to);
  if (problem) {
    throw new FetchError(
      'bad-redirect',
      `${from.href} redirects to ${displayUrl(to)}, which cannot be checked: ${problem.reason}.`,
    );
  }
  if (seen.has(visitKey(to, ctx))) {
    const chain = [...redirects.map((hop) => hop.url), to.href].join(' → ');
    throw new FetchError('redirect-loop', `The ${ctx.noun} redirects in a loop: ${chain}.`);
  }
  if (redirects.length > ctx.maxRedirects) {
    throw new FetchError(
      'too-many-redirects',
      `The ${ctx.noun} redirected more than ${ctx.maxRedirects} times (the last hop went to ${to.href}); the check stops there.`,
    );
  }
  seen.add(visitKey(to, ctx));
}

type PageBody = Pick<FetchedPage, 'contentType' | 'charset' | 'html' | 'bytes'>;

/** Reads a small error page to keep on the error; failures here only mean no page is kept. */
async function readErrorPage(exchange: Exchange, url: URL, ctx: FetchContext): Promise<PageBody | undefined> {
  const limit = Math.min(ctx.maxBytes, FETCH_DEFAULTS.errorPageBytes);
  const contentType = exchange.response.headers['content-type'] ?? '';
  try {
    checkDeclaredLength(exchange.response, limit);
    const body = await readBody(exchange.response, bareHost(url), limit, ctx.deadline);
    return { contentType, ...decodeHtml(body, contentType), bytes: body.length };
  } catch {
    return undefined;
  }
}

async function readPage(exchange: Exchange, url: URL, ctx: FetchContext): Promise<PageBody> {
  const contentType = exchange.response.headers['content-type'];
  const mediaType = mediaTypeOf(contentType);
  if (mediaType !== '' && !isHtmlType(mediaType)) {
    throw new FetchError('not-html', `The server sent ${mediaType}, not a web page (${url.href}).`);
  }
  checkDeclaredLength(exchange.response, ctx.maxBytes);
  const body = await readBody(exchange.response, bareHost(url), ctx.maxBytes, ctx.deadline);
  if (mediaType === '' && !looksLikeHtml(body)) {
    const message = `The server sent no content type and the body does not look like a web page (${url.href}).`;
    throw new FetchError('not-html', message);
  }
  return { contentType: contentType ?? '', ...decodeHtml(body, contentType), bytes: body.length };
}

interface Chain {
  start: URL;
  redirects: RedirectHop[];
  seen: Set<string>;
}

/** One answer: the URL to go to next (redirect or meta refresh), or the page. Throws for error statuses. */
async function readAnswer(exchange: Exchange, url: URL, chain: Chain, ctx: FetchContext): Promise<URL | FetchedPage> {
  const status = exchange.response.statusCode ?? 0;
  if (REDIRECT_STATUSES.has(status)) return followTo(url, locationOf(exchange.response, url), status, chain, ctx);
  if (status >= 300) {
    const body = status >= 400 ? await readErrorPage(exchange, url, ctx) : undefined;
    const page = body && { url: chain.start.href, finalUrl: url.href, redirects: chain.redirects, status, ...body };
    const message = `The ${ctx.noun} answered ${statusText(status)} (${url.href}).`;
    throw new HttpStatusError(message, { status, url: url.href, ...(page ? { page } : {}) });
  }
  const body = await readPage(exchange, url, ctx);
  const refresh = refreshHeaderOf(exchange.response, url) ?? findMetaRefresh(body.html, url);
  if (refresh) return followTo(url, refresh, status, chain, ctx);
  return { url: chain.start.href, finalUrl: url.href, redirects: chain.redirects, status, ...body };
}

/** The target of a prompt `Refresh` response header (the header form of meta refresh), or null. */
function refreshHeaderOf(response: IncomingMessage, base: URL): URL | null {
  const header = response.headers.refresh;
  const refresh = parseRefreshContent(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  if (!refresh?.url || refresh.delay > MAX_REFRESH_DELAY_S) return null;
  const target = URL.parse(refresh.url, base);
  return target && withoutHash(target) !== withoutHash(base) ? target : null;
}

function followTo(from: URL, to: URL, status: number, chain: Chain, ctx: FetchContext): URL {
  chain.redirects.push({ url: from.href, status });
  checkHop(from, to, chain.redirects, chain.seen, ctx);
  return to;
}

/** Follows redirects and meta refreshes from `start` to a page, re-checking every hop. */
async function fetchFrom(start: URL, ctx: FetchContext): Promise<FetchedPage> {
  const chain: Chain = { start, redirects: [], seen: new Set([visitKey(start, ctx)]) };
  let url = start;
  for (;;) {
    const exchange = await openExchange(url, ctx);
    try {
      const answer = await readAnswer(exchange, url, chain, ctx);
      if (!(answer instanceof URL)) return answer;
      url = answer;
    } finally {
      exchange.close();
    }
  }
}

/** True when https could not even connect (refused, TLS failure, connect/handshake timeout): worth trying http. */
function shouldFallBack(error: unknown, ctx: FetchContext): boolean {
  if (ctx.established || !(error instanceof FetchError) || ctx.deadline.remaining() === 0) return false;
  if (error instanceof FetchTimeoutError) return error.phase === 'connect' || error.phase === 'tls';
  return error.code === 'unreachable' || error.code === 'tls';
}

function withNote(error: FetchError, note: string, cause: unknown): FetchError {
  const message = `${error.message} ${note}`;
  if (error instanceof FetchTimeoutError) return new FetchTimeoutError(error.phase, message, { cause });
  return new FetchError(error.code, message, { cause });
}

/**
 * Fetches a homepage the safe way: resolve, refuse non-public addresses before connecting, connect only
 * to the checked address, follow up to 5 redirects (re-checking each), cap size and time, decode.
 * A bare domain is tried over https, then http if https could not connect.
 * Throws `TargetError` (bad or refused target) or `FetchError` (with a `code` and a readable sentence).
 */
export async function fetchHomepage(
  target: string,
  options: FetchOptions = {},
  deps: FetchDeps = {},
): Promise<FetchedPage> {
  const { candidates } = parseTarget(target);
  const first = candidates[0];
  if (!first) throw new TargetError('invalid-target', `Cannot check "${target}": there is no URL to try.`);
  const ctx = createContext(options, deps, 'homepage', first);
  let httpsFailure: FetchError | undefined;
  for (const [index, candidate] of candidates.entries()) {
    try {
      return await fetchFrom(candidate, ctx);
    } catch (error) {
      const couldNotConnect = shouldFallBack(error, ctx);
      // When neither scheme connects, the https reason (an expired certificate, say) is the one to tell.
      if (httpsFailure && couldNotConnect) throw withNote(httpsFailure, 'Plain http did not connect either.', error);
      if (index === candidates.length - 1 || !couldNotConnect) throw error;
      httpsFailure = error as FetchError;
    }
  }
  throw new TargetError('invalid-target', `Cannot check "${target}": there is no URL to try.`);
}

/**
 * Fetches one document by exact URL (no https→http fallback), with the same safety rules as
 * `fetchHomepage`: used for same-origin frames.
 */
export async function fetchDocument(
  url: string | URL,
  options: FetchOptions = {},
  deps: FetchDeps = {},
): Promise<FetchedPage> {
  const parsed = typeof url === 'string' ? URL.parse(url) : url;
  if (!parsed) throw new TargetError('invalid-target', `Cannot check "${url}": it is not a valid URL.`);
  const problem = urlProblem(parsed);
  if (problem) throw new TargetError(problem.code, `Cannot check "${displayUrl(parsed)}": ${problem.reason}.`);
  return fetchFrom(parsed, createContext(options, deps, 'page', parsed));
}
