import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * One request the stand-in received: a Web API method call, a POST to a response URL (`respond:<name>`), or a
 * file's bytes posted to the upload URL files.getUploadURLExternal handed out (`upload:<file id>`, args `bytes`
 * holding what was sent).
 */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
  /** Set when a rate limit (rateLimit) answered this call with 429. */
  rateLimited?: boolean;
}

/**
 * A canned failure served instead of the normal answer, once. Status 0 drops the connection (a network error):
 * closed after the request was read, or with `reset`, reset (ECONNRESET), as a dead kept-alive connection is.
 */
export interface Failure {
  status: number;
  reset?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A stand-in for Slack's servers on 127.0.0.1: Web API methods and response URLs, recording every call. */
export interface FakeSlackApi {
  /** Web API base URL, e.g. http://127.0.0.1:1234/api/ */
  apiUrl: string;
  /** A response URL that records posts under `respond:<name>`. */
  responseUrl(name: string): string;
  calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  /** Queues failures for a method; each is served once, in order, before normal answers resume. */
  failNext(method: string, ...failures: Failure[]): void;
  /** Overrides the answer for a method (e.g. a chat.postMessage error); a function answers from the call's args. */
  answer(method: string, body: unknown): void;
  /**
   * Limits a method per channel as Slack does: a call sooner than `minIntervalMs` after the last accepted one in
   * its channel, or before a Retry-After it was given has passed, is refused with 429 and counted as early; every
   * `every`-th call is refused too (Slack's limits are not always predictable), with `Retry-After: retryAfterS`.
   */
  rateLimit(method: string, limit: RateLimit): void;
  /** Every 429 the rate limits answered, in order. */
  refusals: Refusal[];
  /** The ws:// URL apps.connections.open hands out. */
  socketUrl: string | null;
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<ApiCall[]>;
  close(): Promise<void>;
}

/** A per-channel limit on one method (see rateLimit). */
export interface RateLimit {
  minIntervalMs: number;
  retryAfterS: number;
  every?: number;
}

/** A call the rate limit refused; `early` when it came sooner than the pace or a Retry-After allowed. */
export interface Refusal {
  method: string;
  channel: string;
  at: number;
  early: boolean;
}

interface Lane {
  lastAcceptedAt: number;
  blockedUntil: number;
  count: number;
}

const BOT = { user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0TEST01', user: 'beian', team: 'Test' };
// Fields WebClient sends JSON-encoded inside the form body.
const JSON_FIELDS = new Set(['blocks', 'metadata', 'view', 'attachments', 'prompts', 'files']);

/** Starts the stand-in on 127.0.0.1 with an ephemeral port. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const failures = new Map<string, Failure[]>();
  const answers = new Map<string, unknown>();
  const sockets = new Set<Socket>();
  const limits = new Map<string, RateLimit>();
  const lanes = new Map<string, Lane>();
  let ts = 1_700_000_000;
  const api: FakeSlackApi = {
    apiUrl: '',
    socketUrl: null,
    calls,
    responseUrl: (name) => `${origin}/respond/${name}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, ...list) => failures.set(method, [...(failures.get(method) ?? []), ...list]),
    answer: (method, body) => answers.set(method, body),
    rateLimit: (method, limit) => limits.set(method, limit),
    refusals: [],
    async waitFor(method, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = api.callsTo(method);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`Timed out waiting for ${count} call(s) to ${method}; saw ${api.callsTo(method).length}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  let files = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.startsWith('/respond/')
      ? `respond:${url.pathname.slice('/respond/'.length)}`
      : url.pathname.startsWith('/upload/')
        ? `upload:${url.pathname.slice('/upload/'.length)}`
        : url.pathname.replace(/^\/api\//, '');
    const args = method.startsWith('upload:')
      ? await parseUpload(body, req.headers['content-type'])
      : parseArgs(body.toString('utf8'), req.headers['content-type']);
    const at = Date.now();
    const queued = failures.get(method)?.shift();
    const limited = queued ? undefined : limitedAt(method, args, at);
    const failure = queued ?? limited;
    calls.push({ method, args, headers: req.headers, at, ...(limited ? { rateLimited: true } : {}) });
    if (failure?.status === 0) {
      if (failure.reset) req.socket.resetAndDestroy();
      else req.socket.destroy();
      return;
    }
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify(failure.body ?? { ok: false, error: 'fake_failure' }));
      return;
    }
    ts += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    const custom = answers.get(method);
    const answer = typeof custom === 'function' ? (custom as (a: Record<string, unknown>) => unknown)(args) : custom;
    if (method === 'files.getUploadURLExternal' && answer === undefined) files += 1;
    const where = { ts: `${ts}.000100`, socketUrl: api.socketUrl, origin, file: `F0SHOT${files}` };
    res.end(JSON.stringify(answer ?? defaultAnswer(method, where, args)));
  };
  const limitedAt = (method: string, args: Record<string, unknown>, at: number): Failure | undefined => {
    const limit = limits.get(method);
    if (!limit) return undefined;
    const channel = String(args.channel ?? '');
    const key = `${method} ${channel}`;
    const lane = lanes.get(key) ?? { lastAcceptedAt: -Infinity, blockedUntil: 0, count: 0 };
    lanes.set(key, lane);
    lane.count += 1;
    const early = at < lane.blockedUntil || at - lane.lastAcceptedAt < limit.minIntervalMs;
    const forced = !early && limit.every !== undefined && lane.count % limit.every === 0;
    if (!early && !forced) {
      lane.lastAcceptedAt = at;
      return undefined;
    }
    lane.blockedUntil = Math.max(lane.blockedUntil, at + limit.retryAfterS * 1000);
    api.refusals.push({ method, channel, at, early });
    return {
      status: 429,
      headers: { 'retry-after': String(limit.retryAfterS) },
      body: { ok: false, error: 'ratelimited' },
    };
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.apiUrl = `${origin}/api/`;
  return api;
}

function defaultAnswer(
  method: string,
  { ts, socketUrl, origin, file }: { ts: string; socketUrl: string | null; origin: string; file: string },
  args: Record<string, unknown>,
): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, url: 'https://test.slack.com/', ...BOT };
    case 'chat.postMessage':
      return { ok: true, channel: 'C0', ts, message: { ts } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    // Everyone's Slack is in English unless a test answers users.info otherwise (answer() or failNext()).
    case 'users.info':
      return { ok: true, user: { id: 'U0PERSON1', locale: 'en-US' } };
    case 'views.publish':
      return { ok: true, view: { id: 'V0TEST01' } };
    case 'apps.connections.open':
      return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'no_socket' };
    // Files upload v2: an upload URL on this stand-in, then the completed files as Slack lists them.
    case 'files.getUploadURLExternal':
      return { ok: true, upload_url: `${origin}/upload/${file}`, file_id: file };
    case 'files.completeUploadExternal':
      return { ok: true, files: (args.files as { id: string; title?: string }[] | undefined) ?? [] };
    default:
      if (method.startsWith('upload:')) return 'OK';
      return { ok: true };
  }
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

// The WebClient posts a file's bytes as multipart form data (field `body`); anything else is kept raw.
async function parseUpload(raw: Buffer, contentType: string | undefined): Promise<Record<string, unknown>> {
  if (!contentType?.includes('multipart/form-data')) return { bytes: new Uint8Array(raw) };
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const file = form.get('body');
  return { bytes: file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The bot identity the stand-in's auth.test reports. */
export const FAKE_BOT = BOT;
