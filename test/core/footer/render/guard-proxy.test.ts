import { request } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createAddressGuard } from '../../../../src/core/footer/render/address-guard.js';
import { type GuardProxy, startGuardProxy } from '../../../../src/core/footer/render/guard-proxy.js';
import { routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

const names: Record<string, string> = { 'site.test': '93.184.216.34', 'internal.test': '10.0.0.1' };

/** Sends a CONNECT through the proxy and, when the tunnel opens, a GET for `/` through it. */
function getThroughTunnel(proxy: GuardProxy, authority: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(proxy.server);
    const req = request({ host: '127.0.0.1', port, method: 'CONNECT', path: authority });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, body: '' });
        return;
      }
      let raw = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        raw += chunk;
      });
      socket.on('end', () => resolve({ status: 200, body: raw.split('\r\n\r\n')[1] ?? '' }));
      socket.write(`GET / HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startGuardProxy', () => {
  let site: TestServer | undefined;
  let proxy: GuardProxy | undefined;
  const dialled: string[] = [];

  afterEach(async () => {
    await proxy?.close();
    await site?.close();
    dialled.length = 0;
  });

  async function start(maxBytes = 1_000_000, onOverLimit = () => undefined) {
    site = await startServer(
      routes({
        '/': { body: '<p>京ICP备05004398号-1</p>' },
        '/gzip.js': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(200_000, ' ')) },
        '/br.js': { headers: { 'content-encoding': 'br' }, body: brotliCompressSync(Buffer.from('let a = 1;')) },
        '/zstd.js': { headers: { 'content-encoding': 'zstd' }, body: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]) },
      }),
    );
    const port = site.port;
    const guard = createAddressGuard({
      allowPrivateNetwork: false,
      target: new URL('http://site.test/'),
      resolve: async (host) => [{ address: names[host] ?? '0.0.0.0', family: 4 }],
    });
    proxy = await startGuardProxy({
      guard,
      maxBytes,
      onOverLimit,
      connect: (address) => {
        dialled.push(address.address);
        return connect({ host: '127.0.0.1', port });
      },
    });
    return proxy;
  }

  it('tunnels CONNECT to the address it checked and counts the bytes', async () => {
    const p = await start();
    const answer = await getThroughTunnel(p, 'site.test:443');
    expect(answer.body).toContain('<p>京ICP备05004398号-1</p>');
    expect(dialled).toEqual(['93.184.216.34']);
    expect(p.bytes()).toBeGreaterThan(answer.body.length);
  });

  it.each(['internal.test:443', '10.0.0.2:443', '127.0.0.1:80'])(
    'refuses CONNECT to %s without dialling',
    async (to) => {
      const p = await start();
      expect((await getThroughTunnel(p, to)).status).toBe(403);
      expect(dialled).toEqual([]);
      expect(p.refused).toHaveLength(1);
    },
  );

  it('refuses a plain HTTP request to a private host without dialling', async () => {
    const p = await start();
    const { port } = new URL(p.server);
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: 'http://internal.test/x.js' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
    expect(dialled).toEqual([]);
  });

  it('answers a connector that throws with a refusal and keeps serving', async () => {
    site = await startServer(routes({ '/': { body: 'ok' } }));
    const guard = createAddressGuard({
      allowPrivateNetwork: true,
      target: new URL(`http://127.0.0.1:${site.port}/`),
      resolve: async () => [],
    });
    proxy = await startGuardProxy({
      guard,
      maxBytes: 1_000,
      onOverLimit: () => undefined,
      connect: () => {
        throw new Error('no route');
      },
    });
    expect((await getThroughTunnel(proxy, `127.0.0.1:${site.port}`)).status).toBe(403);
    expect((await getThroughTunnel(proxy, `127.0.0.1:${site.port}`)).status).toBe(403);
  });

  it('cuts every connection and says so once past the byte cap', async () => {
    let overs = 0;
    const p = await start(10, () => {
      overs += 1;
    });
    await getThroughTunnel(p, 'site.test:443').catch(() => undefined);
    expect(overs).toBe(1);
  });

  /** A plain-HTTP GET through the proxy, as the browser sends one (absolute URL). */
  function getThroughProxy(p: GuardProxy, url: string) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const { port } = new URL(p.server);
      request({ host: '127.0.0.1', port, path: url, headers: { 'accept-encoding': 'identity' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  }

  it.each([
    ['gzip', '/gzip.js', ' '.repeat(200_000)],
    ['br', '/br.js', 'let a = 1;'],
  ])('decodes a %s body itself, forwards it unencoded and counts the decoded bytes', async (_, path, text) => {
    const p = await start();
    const answer = await getThroughProxy(p, `http://site.test${path}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe(text);
    expect(p.bytes()).toBe(text.length);
  });

  it('cuts a compressed body at the cap on its decoded size', async () => {
    let overs = 0;
    const p = await start(50_000, () => {
      overs += 1;
    });
    const answer = await getThroughProxy(p, 'http://site.test/gzip.js').catch(() => null);
    expect(overs).toBe(1);
    expect(answer?.body.length ?? 0).toBeLessThan(200_000);
  });

  it('answers 502 for a coding it cannot decode, and says which', async () => {
    const p = await start();
    expect((await getThroughProxy(p, 'http://site.test/zstd.js')).status).toBe(502);
    expect(p.failures.map((f) => f.error.message)).toEqual([
      'site.test sent its content encoded as "zstd", which the checker cannot read.',
    ]);
  });
});
