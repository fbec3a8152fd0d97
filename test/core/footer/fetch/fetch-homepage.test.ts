import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import {
  type AddressInfo,
  createConnection,
  createServer as createNetServer,
  type Server as NetServer,
  Socket,
} from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchError, TargetError } from '../../../../src/core/errors.js';
import { HttpStatusError } from '../../../../src/core/footer/fetch/fetch-errors.js';
import { fetchDocument, fetchHomepage, REQUEST_HEADERS } from '../../../../src/core/footer/fetch/fetch-homepage.js';
import type { Connector, Resolver } from '../../../../src/core/footer/fetch/types.js';
import { type Handler, type Route, routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';
import { encodeGb } from './encode-gb.js';
import { loopbackConnector, tableResolver } from './loopback-deps.js';

const LOCAL = { allowPrivateNetwork: true };
const PUBLIC_IP = '93.184.216.34';
const NUMBER = '京ICP备05004398号-1';
const page = (head = '') =>
  `<html><head>${head}<title>首页</title></head><body><footer>${NUMBER}</footer></body></html>`;

const servers: TestServer[] = [];
async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
const serveRoutes = (table: Record<string, Route>) => serve(routes(table));

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function failure(promise: Promise<unknown>): Promise<FetchError | TargetError> {
  const error = await promise.then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError || error instanceof TargetError)) throw error;
  return error;
}

describe('decoding pages in the wild', () => {
  it.each([
    {
      name: 'GBK with the charset in the header',
      type: 'text/html; charset=gbk',
      body: encodeGb(page()),
      charset: 'gb18030',
    },
    {
      name: 'GB2312 declared only in a meta tag',
      type: 'text/html',
      body: encodeGb(page('<meta charset="gb2312">')),
      charset: 'gb18030',
    },
    {
      name: 'GBK in an http-equiv meta under a Latin-1 server default',
      type: 'text/html; charset=ISO-8859-1',
      body: encodeGb(page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">')),
      charset: 'gb18030',
    },
    { name: 'GBK declared nowhere', type: 'text/html', body: encodeGb(page()), charset: 'gb18030' },
    {
      name: 'UTF-8 with a BOM and a wrong header',
      type: 'text/html; charset=gbk',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page())]),
      charset: 'utf-8',
    },
    { name: 'UTF-8 declared nowhere', type: 'text/html', body: Buffer.from(page()), charset: 'utf-8' },
  ])('reads $name', async ({ type, body, charset }) => {
    const server = await serveRoutes({ '/': { headers: { 'content-type': type }, body } });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.charset).toBe(charset);
    expect(result.html).toContain(NUMBER);
    expect(result.html).toContain('<title>首页</title>');
    expect(result.bytes).toBe(body.length);
  });

  it.each([
    { encoding: 'gzip', compress: gzipSync },
    { encoding: 'deflate', compress: deflateSync },
    { encoding: 'deflate (raw, as old IIS sends it)', compress: deflateRawSync },
    { encoding: 'br', compress: brotliCompressSync },
  ])('decompresses a $encoding body', async ({ encoding, compress }) => {
    const body = Buffer.from(page());
    const header = encoding.split(' ')[0] ?? encoding;
    const server = await serveRoutes({ '/': { headers: { 'content-encoding': header }, body: compress(body) } });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.html).toContain(NUMBER);
    expect(result.bytes).toBe(body.length);
  });

  it('sends the headers of a desktop Chrome that prefers Chinese', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    const server = await serve((req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'content-type': 'text/html' }).end(page());
    });
    await fetchDocument(server.url, LOCAL);
    expect(seen['user-agent']).toMatch(/Chrome\/\d+/);
    expect(seen['accept-language']).toBe('zh-CN,zh;q=0.9,en;q=0.8');
    expect(seen['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen.accept).toBe(REQUEST_HEADERS.accept);
    expect(seen.host).toBe(`127.0.0.1:${server.port}`);
  });
});

describe('redirects', () => {
  it('follows a relative Location and a move to another host, and reports the chain', async () => {
    const www = await serveRoutes({ '/home': { body: page() } });
    const apex = await serveRoutes({
      '/': { status: 302, headers: { location: '/index.html' }, body: '' },
      '/index.html': { status: 301, headers: { location: `http://www.shop.example:${www.port}/home` }, body: '' },
    });
    const resolve = tableResolver({ 'shop.example': '127.0.0.1', 'www.shop.example': '127.0.0.1' });
    // Another loopback port is not the target's own: the operator lists the second host.
    const options = { allowPrivateNetwork: { target: true, allow: ['www.shop.example'] } };
    const result = await fetchDocument(`http://shop.example:${apex.port}/`, options, { resolve });
    expect(result.url).toBe(`http://shop.example:${apex.port}/`);
    expect(result.finalUrl).toBe(`http://www.shop.example:${www.port}/home`);
    expect(result.redirects).toEqual([
      { url: `http://shop.example:${apex.port}/`, status: 302 },
      { url: `http://shop.example:${apex.port}/index.html`, status: 301 },
    ]);
    expect(result.html).toContain(NUMBER);
  });

  it('follows a meta refresh found in the markup, but not one inside <noscript>', async () => {
    const server = await serveRoutes({
      '/': { body: '<html><head><meta http-equiv="Refresh" content="0; URL=\'/cn/index.html\'"></head></html>' },
      '/cn/index.html': { body: page('<noscript><meta http-equiv="refresh" content="0;url=/nojs.html"></noscript>') },
    });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.finalUrl).toBe(`${server.origin}/cn/index.html`);
    expect(result.redirects).toEqual([{ url: server.url, status: 200 }]);
  });

  it('sends back a cookie a front end sets before redirecting to the same URL', async () => {
    const server = await serve((req, res) => {
      if (req.headers.cookie === 'cdn_check=ok')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(page());
      res.writeHead(302, { location: '/', 'set-cookie': 'cdn_check=ok; Path=/; HttpOnly' }).end();
    });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.html).toContain(NUMBER);
    expect(result.redirects).toEqual([{ url: server.url, status: 302 }]);
  });

  it('still calls it a loop when the cookie does not change', async () => {
    const server = await serveRoutes({
      '/': { status: 302, headers: { location: '/', 'set-cookie': 'a=1' }, body: '' },
    });
    expect((await failure(fetchDocument(server.url, LOCAL))).code).toBe('redirect-loop');
  });

  it('follows a Refresh response header', async () => {
    const server = await serveRoutes({
      '/': { headers: { refresh: '0;url=/portal/' }, body: '<html></html>' },
      '/portal/': { body: page() },
    });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.finalUrl).toBe(`${server.origin}/portal/`);
  });

  it('refuses a redirect loop', async () => {
    const server = await serveRoutes({
      '/': { status: 302, headers: { location: '/a' }, body: '' },
      '/a': { status: 302, headers: { location: '/b' }, body: '' },
      '/b': { status: 301, headers: { location: '/a#top' }, body: '' },
    });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('redirect-loop');
    expect(error.message).toContain(`${server.origin}/b → ${server.origin}/a#top`);
  });

  it.each([
    { hops: 5, outcome: 'the page' },
    { hops: 6, outcome: 'too-many-redirects' },
  ])('after $hops redirects gives $outcome', async ({ hops, outcome }) => {
    const table: Record<string, Route> = { [`/r${hops}`]: { body: page() } };
    for (let i = 0; i < hops; i++) {
      table[i === 0 ? '/' : `/r${i}`] = { status: 307, headers: { location: `/r${i + 1}` }, body: '' };
    }
    const server = await serveRoutes(table);
    const result = fetchDocument(server.url, LOCAL);
    if (outcome === 'the page') {
      expect((await result).redirects).toHaveLength(hops);
    } else {
      const error = await failure(result);
      expect(error.code).toBe(outcome);
      expect(error.message).toBe(
        `The page redirected more than 5 times (the last hop went to ${server.origin}/r6); the check stops there.`,
      );
    }
  });

  it.each([
    { location: 'ftp://shop.example/', reason: 'only http and https can be checked, not ftp:' },
    { location: 'http://admin:secret@shop.example/', reason: 'remove the user name and password' },
    { location: 'javascript:alert(1)', reason: 'only http and https can be checked, not javascript:' },
  ])('refuses a redirect to $location', async ({ location, reason }) => {
    const server = await serveRoutes({ '/': { status: 302, headers: { location }, body: '' } });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('bad-redirect');
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain('secret');
  });

  it('refuses a redirect without a Location', async () => {
    const server = await serveRoutes({ '/': { status: 301, body: '' } });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('bad-redirect');
    expect(error.message).toBe(`${server.url} answered HTTP 301 Moved Permanently but did not say where to go.`);
  });
});

describe('answers that are not a page', () => {
  it('reports 404 with its status and the page', async () => {
    const server = await serveRoutes({ '/': { status: 404, body: '<h1>页面不存在</h1>' } });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.message).toBe(`The page answered HTTP 404 Not Found (${server.url}).`);
    expect((error as HttpStatusError).status).toBe(404);
    expect((error as HttpStatusError).page?.html).toBe('<h1>页面不存在</h1>');
  });

  it('keeps the chain on an error page reached through a redirect', async () => {
    const server = await serveRoutes({
      '/': { status: 302, headers: { location: '/waf' }, body: '' },
      '/waf': { status: 403, body: '<title>Access denied</title>' },
    });
    const error = (await failure(fetchDocument(server.url, LOCAL))) as HttpStatusError;
    expect(error.url).toBe(`${server.origin}/waf`);
    expect(error.page).toMatchObject({
      url: server.url,
      finalUrl: `${server.origin}/waf`,
      redirects: [{ url: server.url, status: 302 }],
      status: 403,
      html: '<title>Access denied</title>',
    });
  });

  it('does not keep an error page over the small-page limit', async () => {
    const server = await serveRoutes({ '/': { status: 500, body: 'x'.repeat(300 * 1024) } });
    const error = (await failure(fetchDocument(server.url, LOCAL))) as HttpStatusError;
    expect(error.status).toBe(500);
    expect(error.page).toBeUndefined();
  });

  it('keeps a WAF challenge served with 503 on the error, for the analyser', async () => {
    const challenge = '<html><title>安全验证</title><script>challenge()</script></html>';
    const server = await serveRoutes({
      '/': { status: 503, body: encodeGb(challenge), headers: { 'content-type': 'text/html; charset=gbk' } },
    });
    const error = (await failure(fetchHomepage(`127.0.0.1:${server.port}`, LOCAL))) as HttpStatusError;
    expect(error.code).toBe('http-status');
    expect(error.message).toBe(`The homepage answered HTTP 503 Service Unavailable (${server.url}).`);
    expect(error.page).toMatchObject({ status: 503, charset: 'gb18030', html: challenge });
  });

  it.each(['application/pdf', 'image/png'])('refuses %s as not a web page', async (type) => {
    const server = await serveRoutes({
      '/': { headers: { 'content-type': type }, body: Buffer.from([0x25, 0x50, 0x44, 0x46]) },
    });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('not-html');
    expect(error.message).toBe(`The server sent ${type}, not a web page (${server.url}).`);
  });

  it('accepts markup sent without a content type', async () => {
    const server = await serveRoutes({
      '/': { headers: { 'content-type': null }, body: `\n  <!DOCTYPE html>${page()}` },
    });
    const result = await fetchDocument(server.url, LOCAL);
    expect(result.contentType).toBe('');
    expect(result.html).toContain(NUMBER);
  });

  it('refuses bytes sent without a content type that are not markup', async () => {
    const server = await serveRoutes({ '/': { headers: { 'content-type': null }, body: Buffer.from('%PDF-1.7 ...') } });
    expect((await failure(fetchDocument(server.url, LOCAL))).code).toBe('not-html');
  });
});

describe('broken servers', () => {
  async function rawServer(reply: (socket: Socket) => void): Promise<number> {
    const sockets = new Set<Socket>();
    const server = createNetServer((socket) => {
      sockets.add(socket);
      reply(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ url: '', origin: '', port: 0, close: () => closeRaw(server, sockets) });
    return (server.address() as AddressInfo).port;
  }

  it('reports an answer that is not HTTP', async () => {
    const port = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    const error = await failure(fetchDocument(`http://127.0.0.1:${port}/`, LOCAL));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^127\.0\.0\.1 did not answer with valid HTTP \(HPE_[A-Z_]+\)\.$/);
  });

  it('reports a connection closed without an answer', async () => {
    const port = await rawServer((socket) => socket.once('data', () => socket.destroy()));
    const error = await failure(fetchDocument(`http://127.0.0.1:${port}/`, LOCAL));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('127.0.0.1 closed the connection without answering.');
  });

  it('reports a page cut short instead of using the part that arrived', async () => {
    const port = await rawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000\r\n\r\n<html><body>');
        setTimeout(() => socket.destroy(), 20);
      }),
    );
    const error = await failure(fetchDocument(`http://127.0.0.1:${port}/`, LOCAL));
    expect(error.code).toBe('bad-response');
    expect(error.message).toBe('The server closed the connection before the page was complete.');
  });

  it('reports corrupt gzip data', async () => {
    const server = await serveRoutes({
      '/': { headers: { 'content-encoding': 'gzip' }, body: Buffer.from('not gzip at all') },
    });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^The page's compressed data is corrupt/);
  });

  it('reports an encoding it cannot read', async () => {
    const server = await serveRoutes({ '/': { headers: { 'content-encoding': 'zstd' }, body: Buffer.from('x') } });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.message).toBe('The server sent the page encoded as "zstd", which cannot be read.');
  });
});

function closeRaw(server: NetServer, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('limits', () => {
  it('gives up on a response that stops sending, naming the phase', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>');
    });
    const started = Date.now();
    const error = await failure(fetchDocument(server.url, { ...LOCAL, phaseTimeoutsMs: { bodyIdle: 150 } }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('127.0.0.1 stopped sending the page for 150 ms before it was complete.');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const error = await failure(fetchDocument(server.url, { ...LOCAL, phaseTimeoutsMs: { response: 150 } }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('127.0.0.1 accepted the connection but did not start answering within 150 ms.');
  });

  it('stops a page that trickles forever at the overall limit', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>.</p>'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const error = await failure(fetchDocument(server.url, { ...LOCAL, timeoutMs: 1000 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('Checking 127.0.0.1 took longer than the 1 s limit (waiting for the rest of the page).');
  });

  it('gives up on a DNS lookup that never answers', async () => {
    const resolve = vi.fn<Resolver>(() => new Promise(() => undefined));
    const deps = { resolve, connect: loopbackConnector() };
    const error = await failure(fetchHomepage('slow-dns.example', { phaseTimeoutsMs: { dns: 100 } }, deps));
    expect(error.message).toBe('Looking up slow-dns.example in DNS took longer than 100 ms.');
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('gives up on a connection that never opens, then tries http for a bare domain', async () => {
    const server = await serveRoutes({ '/': { body: page() } });
    const connect = vi.fn<Connector>((_address, port) =>
      port === 443 ? new Socket() : createConnection({ host: '127.0.0.1', port: server.port }),
    );
    const deps = { resolve: tableResolver({ 'shop.example': PUBLIC_IP }), connect };
    const options = { phaseTimeoutsMs: { connect: 100 } };
    const error = await failure(fetchDocument('https://shop.example/', options, deps));
    expect(error.message).toBe('shop.example did not accept a connection within 100 ms.');
    const result = await fetchHomepage('shop.example', options, deps);
    expect(result.url).toBe('http://shop.example/');
  });

  it('stops when the caller aborts', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(fetchDocument(server.url, { ...LOCAL, signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('stops reading a 40 MB page at the cap, long before the server has sent it', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (written < 40 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The page is larger than the 5 MB limit, so it was not read.');
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
      res.write('<html>');
    });
    const error = await failure(fetchDocument(server.url, { ...LOCAL, phaseTimeoutsMs: { bodyIdle: 5_000 } }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The page is 10 MB, over the 5 MB limit, so it was not read.');
  });

  it('stops a gzip bomb at the cap, counting decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
    const server = await serveRoutes({ '/': { headers: { 'content-encoding': 'gzip' }, body: bomb } });
    const error = await failure(fetchDocument(server.url, { ...LOCAL, maxBytes: 1024 * 1024 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error.code).toBe('too-large');
  });

  it('stops a raw deflate bomb at the cap too', async () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, ' '));
    const server = await serveRoutes({ '/': { headers: { 'content-encoding': 'deflate' }, body: bomb } });
    const error = await failure(fetchDocument(server.url, { ...LOCAL, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('too-large');
  });

  it('reads a page exactly at the cap', async () => {
    const body = Buffer.alloc(1000, 'a');
    const server = await serveRoutes({ '/': { body } });
    expect((await fetchDocument(server.url, { ...LOCAL, maxBytes: 1000 })).bytes).toBe(1000);
  });
});

describe('connecting', () => {
  it('tries http when https cannot connect for a bare domain', async () => {
    const server = await serveRoutes({ '/': { body: page() } });
    const connect = loopbackConnector();
    const resolve = tableResolver({ 'shop.example': PUBLIC_IP });
    const result = await fetchHomepage(`shop.example:${server.port}`, {}, { resolve, connect });
    expect(result.url).toBe(`http://shop.example:${server.port}/`);
    expect(connect).toHaveBeenCalledTimes(2);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('does not fall back to http when https answered with an HTTP status', async () => {
    const https = await startHttps((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('nope'));
    const http = await serveRoutes({ '/': { body: page() } });
    let calls = 0;
    const connect = loopbackConnector(() => (calls++ === 0 ? https.port : http.port));
    const deps = { resolve: tableResolver({ 'shop.example': PUBLIC_IP }), connect, ca: [CERT] };
    const error = await failure(fetchHomepage('shop.example', {}, deps));
    expect(error.code).toBe('http-status');
    expect(calls).toBe(1);
  });

  it('names a self-signed certificate and then falls back to http', async () => {
    const https = await startHttps((_req, res) => res.end(page()));
    const http = await serveRoutes({ '/': { body: page() } });
    let calls = 0;
    const connect = loopbackConnector(() => (calls++ === 0 ? https.port : http.port));
    const deps = { resolve: tableResolver({ 'shop.example': PUBLIC_IP }), connect };
    const tls = await failure(fetchDocument('https://shop.example/', {}, deps));
    expect(tls.code).toBe('tls');
    expect(tls.message).toBe('The secure connection to shop.example failed: its certificate is self-signed.');
    const result = await fetchHomepage('shop.example', {}, deps);
    expect(result.url).toBe('http://shop.example/');
  });

  it('tells the https reason when plain http does not connect either', async () => {
    const https = await startHttps((_req, res) => res.end(page()));
    const closed = await serveRoutes({});
    await closed.close();
    let calls = 0;
    const connect = loopbackConnector(() => (calls++ === 0 ? https.port : closed.port));
    const deps = { resolve: tableResolver({ 'shop.example': PUBLIC_IP }), connect };
    const error = await failure(fetchHomepage('shop.example', {}, deps));
    expect(error.code).toBe('tls');
    expect(error.message).toBe(
      'The secure connection to shop.example failed: its certificate is self-signed. Plain http did not connect either.',
    );
    expect(calls).toBe(2);
  });

  it('verifies the certificate against the host name, not the pinned address', async () => {
    const https = await startHttps((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page()));
    const deps = {
      resolve: tableResolver({ 'shop.example': PUBLIC_IP }),
      connect: loopbackConnector(() => https.port),
      ca: [CERT],
    };
    expect((await fetchDocument('https://shop.example/', {}, deps)).html).toContain(NUMBER);
    const error = await failure(
      fetchDocument('https://other.example/', {}, { ...deps, resolve: tableResolver({ 'other.example': PUBLIC_IP }) }),
    );
    expect(error.message).toBe(
      'The secure connection to other.example failed: its certificate is for a different name.',
    );
  });

  it('reports a refused connection', async () => {
    const server = await serveRoutes({});
    await server.close();
    const error = await failure(fetchDocument(server.url, LOCAL));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`127.0.0.1 (127.0.0.1, port ${server.port}) refused the connection.`);
  });

  it('reports a domain that does not exist', async () => {
    const error = await failure(
      fetchHomepage('no-such-shop.example', {}, { resolve: tableResolver({}), connect: loopbackConnector() }),
    );
    expect(error.code).toBe('dns');
    expect(error.message).toBe('no-such-shop.example does not exist in DNS (no such domain).');
  });

  it('looks up and sends an internationalised domain as punycode', async () => {
    let host: string | undefined;
    const server = await serve((req, res) => {
      host = req.headers.host;
      res.writeHead(200, { 'content-type': 'text/html' }).end(page());
    });
    const resolve = tableResolver({ 'xn--fiq228c.xn--fiqs8s': PUBLIC_IP });
    const result = await fetchHomepage(`中文.中国:${server.port}`, {}, { resolve, connect: loopbackConnector() });
    expect(resolve).toHaveBeenCalledWith('xn--fiq228c.xn--fiqs8s');
    expect(host).toBe(`xn--fiq228c.xn--fiqs8s:${server.port}`);
    expect(result.url).toBe(`http://xn--fiq228c.xn--fiqs8s:${server.port}/`);
  });
});

const CERT = readFileSync(new URL('./fixtures/shop-example.crt', import.meta.url), 'utf8');
const KEY = readFileSync(new URL('./fixtures/shop-example.key', import.meta.url), 'utf8');

/** An https server on loopback with the shop.example test certificate; closed after each test. */
async function startHttps(handler: Handler): Promise<{ port: number }> {
  const server = createHttpsServer({ cert: CERT, key: KEY }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    url: '',
    origin: '',
    port: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  });
  return { port: (server.address() as AddressInfo).port };
}
