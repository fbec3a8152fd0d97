import { createServer, type IncomingMessage, type OutgoingHttpHeaders, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from '../../errors.js';
import { defaultConnect, unreachable } from '../fetch/connect.js';
import type { Connector } from '../fetch/types.js';
import type { AddressGuard, GuardVerdict } from './address-guard.js';

/** A host the proxy would not reach, and the guard's reason. */
export type RefusedHost = Extract<GuardVerdict, { allowed: false }> & { host: string };

/**
 * One render's way out: the browser context is told to use this loopback proxy for everything
 * (loopback included), so Chromium never resolves or dials a site itself. The proxy asks the guard,
 * dials the very address that was checked, and counts every byte that comes back: for plain http it
 * decodes the body itself (gzip, deflate, br) and forwards it unencoded, so the cap counts decoded
 * bytes and a decompression bomb is cut at the cap before the browser holds it; a CONNECT tunnel is
 * opaque (TLS), so there the count is of bytes on the wire and the renderer's own decoded-byte
 * budget is what bounds it.
 */
export interface GuardProxy {
  /** `http://127.0.0.1:<port>` */
  server: string;
  /** Bytes received from sites so far: decoded bodies for http, wire bytes for tunnels. */
  bytes(): number;
  /** Hosts the guard refused, in order. */
  refused: RefusedHost[];
  /** Hosts that were allowed but could not be reached or answered in a way we cannot pass on, in order. */
  failures: { host: string; error: FetchError }[];
  close(): Promise<void>;
}

export interface GuardProxyOptions {
  guard: AddressGuard;
  connect?: Connector;
  maxBytes: number;
  /** Called once when the byte cap is passed; every open connection has been cut by then. */
  onOverLimit: () => void;
}

/** The content codings the proxy can decode; the browser is told to ask for these only. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

interface Exchange {
  dial(host: string, port: number): Promise<Socket | null>;
  count(chunk: Buffer): void;
  failed(host: string, error: FetchError): void;
}

/** Starts a per-render forward proxy (HTTP and CONNECT) on 127.0.0.1 with an ephemeral port. */
export async function startGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  const sockets = new Set<Socket>();
  const refused: GuardProxy['refused'] = [];
  const failures: GuardProxy['failures'] = [];
  let bytes = 0;
  let over = false;
  const connect = options.connect ?? defaultConnect;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const exchange: Exchange = {
    count(chunk) {
      bytes += chunk.length;
      if (bytes > options.maxBytes && !over) {
        over = true;
        for (const s of sockets) s.destroy();
        options.onOverLimit();
      }
    },
    failed: (host, error) => failures.push({ host, error }),
    async dial(host, port) {
      if (over) return null;
      const verdict = await options.guard.check(host, port);
      if (!verdict.allowed) {
        refused.push({ ...verdict, host });
        return null;
      }
      let socket: Socket;
      try {
        socket = connect(verdict.address, port);
      } catch (error) {
        failures.push({ host, error: unreachable(error, host, verdict.address.address, port) });
        return null;
      }
      track(socket);
      let connected = false;
      socket.once('connect', () => {
        connected = true;
      });
      socket.once('error', (error) => {
        if (!connected) failures.push({ host, error: unreachable(error, host, verdict.address.address, port) });
      });
      return socket;
    },
  };

  // A failure inside one exchange ends that exchange only, never the process.
  const server = createServer((req, res) => forwardHttp(req, res, exchange).catch(() => res.destroy()));
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) =>
    tunnel(req, client, head, exchange).catch(() => client.destroy()),
  );
  // WebSockets are refused in the browser already; an upgrade reaching us is not answered.
  server.on('upgrade', (_req, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    refused,
    failures,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function tunnel(req: IncomingMessage, client: Socket, head: Buffer, exchange: Exchange): Promise<void> {
  const target = parseAuthority(req.url ?? '');
  const upstream = target ? await exchange.dial(target.host, target.port) : null;
  if (!upstream) {
    client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  upstream.on('data', exchange.count);
  upstream.once('connect', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.once('close', () => client.destroy());
  client.once('close', () => upstream.destroy());
}

async function forwardHttp(req: IncomingMessage, res: ServerResponse, exchange: Exchange): Promise<void> {
  let target: URL;
  try {
    target = new URL(req.url ?? '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const socket = target.protocol === 'http:' ? await exchange.dial(target.hostname, Number(target.port || 80)) : null;
  if (!socket) {
    res.writeHead(403, { 'content-length': '0' }).end();
    return;
  }
  const headers: OutgoingHttpHeaders = { ...req.headers, 'accept-encoding': ACCEPT_ENCODING };
  delete headers['proxy-connection'];
  delete headers['proxy-authorization'];
  const upstream = request(
    {
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
      createConnection: () => socket,
    },
    (answer) => passDecoded(answer, res, target, exchange, req.method === 'HEAD'),
  );
  upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502, { 'content-length': '0' }).end()));
  req.pipe(upstream);
}

/** Forwards a response with its body decoded, counting the decoded bytes against the cap. */
function passDecoded(answer: IncomingMessage, res: ServerResponse, target: URL, exchange: Exchange, head: boolean) {
  const codings = codingsOf(answer, head);
  const unknown = codings.find((coding) => DECODERS[coding] === undefined);
  if (unknown !== undefined) {
    answer.destroy();
    const message = `${target.hostname} sent its content encoded as "${unknown}", which the checker cannot read.`;
    exchange.failed(target.hostname, new FetchError('bad-response', message));
    res.writeHead(502, { 'content-length': '0' }).end();
    return;
  }
  // What is forwarded is never encoded; a decoded body has a new length (sent chunked instead).
  const dropped = new Set(codings.length > 0 ? ['content-encoding', 'content-length'] : ['content-encoding']);
  res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headersWithout(answer.rawHeaders, dropped));
  // Codings are listed in the order they were applied: undo them last to first.
  const decoders = codings.reverse().map((coding) => (DECODERS[coding] as () => Transform)());
  const last = decoders.at(-1) ?? answer;
  last.on('data', exchange.count);
  pipeline([answer, ...decoders, res], () => undefined);
}

/** The content codings applied to a response's body, `identity` left out; none when there is no body. */
function codingsOf(answer: IncomingMessage, head: boolean): string[] {
  // A decoder would fail on an empty body and break the exchange.
  const status = answer.statusCode;
  if (head || status === 204 || status === 304 || answer.headers['content-length'] === '0') return [];
  return (answer.headers['content-encoding'] ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

function headersWithout(raw: readonly string[], dropped: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!dropped.has(name.toLowerCase())) kept.push(name, raw[i + 1] ?? '');
  }
  return kept;
}

function parseAuthority(authority: string): { host: string; port: number } | null {
  try {
    const url = new URL(`http://${authority}`);
    return { host: url.hostname, port: Number(url.port || 443) };
  } catch {
    return null;
  }
}
