import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { defaultConnect } from '../fetch/connect.js';
import type { Connector } from '../fetch/types.js';
import type { AddressGuard, GuardVerdict } from './address-guard.js';

/**
 * One render's way out: the browser context is told to use this loopback proxy for everything
 * (loopback included), so Chromium never resolves or dials a site itself. The proxy asks the guard,
 * dials the very address that was checked, and counts every byte that comes back.
 */
export interface GuardProxy {
  /** `http://127.0.0.1:<port>` */
  server: string;
  /** Bytes received from sites so far. */
  bytes(): number;
  /** Hosts the guard refused, in order. */
  refused: Extract<GuardVerdict, { allowed: false }>[];
  close(): Promise<void>;
}

export interface GuardProxyOptions {
  guard: AddressGuard;
  connect?: Connector;
  maxBytes: number;
  /** Called once when the byte cap is passed; every open connection has been cut by then. */
  onOverLimit: () => void;
}

/** Starts a per-render forward proxy (HTTP and CONNECT) on 127.0.0.1 with an ephemeral port. */
export async function startGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  const sockets = new Set<Socket>();
  const refused: GuardProxy['refused'] = [];
  let bytes = 0;
  let over = false;
  const connect = options.connect ?? defaultConnect;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const count = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > options.maxBytes && !over) {
      over = true;
      for (const s of sockets) s.destroy();
      options.onOverLimit();
    }
  };
  const dial = async (host: string, port: number): Promise<Socket | null> => {
    if (over) return null;
    const verdict = await options.guard.check(host);
    if (!verdict.allowed) {
      refused.push(verdict);
      return null;
    }
    let socket: Socket;
    try {
      socket = connect(verdict.address, port);
    } catch {
      return null;
    }
    track(socket);
    socket.on('data', count);
    return socket;
  };

  // A failure inside one exchange ends that exchange only, never the process.
  const server = createServer((req, res) => forwardHttp(req, res, dial).catch(() => res.destroy()));
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) =>
    tunnel(req, client, head, dial).catch(() => client.destroy()),
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

type Dial = (host: string, port: number) => Promise<Socket | null>;

async function tunnel(req: IncomingMessage, client: Socket, head: Buffer, dial: Dial): Promise<void> {
  const target = parseAuthority(req.url ?? '');
  const upstream = target ? await dial(target.host, target.port) : null;
  if (!upstream) {
    client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  upstream.once('connect', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.once('close', () => client.destroy());
  client.once('close', () => upstream.destroy());
}

async function forwardHttp(req: IncomingMessage, res: ServerResponse, dial: Dial): Promise<void> {
  let target: URL;
  try {
    target = new URL(req.url ?? '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const socket = target.protocol === 'http:' ? await dial(target.hostname, Number(target.port || 80)) : null;
  if (!socket) {
    res.writeHead(403, { 'content-length': '0' }).end();
    return;
  }
  const headers = { ...req.headers };
  delete headers['proxy-connection'];
  delete headers['proxy-authorization'];
  const upstream = request(
    {
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
      createConnection: () => socket,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502, { 'content-length': '0' }).end()));
  req.pipe(upstream);
}

function parseAuthority(authority: string): { host: string; port: number } | null {
  try {
    const url = new URL(`http://${authority}`);
    return { host: url.hostname, port: Number(url.port || 443) };
  } catch {
    return null;
  }
}
