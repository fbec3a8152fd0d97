import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Stops listening and destroys open sockets, so a never-ending response cannot keep a test alive. */
  close(): Promise<void>;
}

export interface Route {
  status?: number;
  /** A `null` value removes the header, e.g. `{ 'content-type': null }` for a response without one. */
  headers?: Record<string, string | number | string[] | null>;
  body: string | Buffer;
}

/** Starts a real node:http server on 127.0.0.1 with an ephemeral port. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A handler serving fixed responses by path (query string ignored); unknown paths get 404.
 * Content-Type defaults to `text/html; charset=utf-8`; header names are matched in lower case.
 */
export function routes(table: Record<string, Route>): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = table[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries({ 'content-type': 'text/html; charset=utf-8', ...route.headers })) {
      if (value !== null) headers[name] = value;
    }
    res.writeHead(route.status ?? 200, headers);
    res.end(route.body);
  };
}
