import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';

function get(url: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('close', () => {
        if (!res.complete) reject(new Error('response cut short'));
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body: Buffer.concat(chunks).toString(),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('serve-pages', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('serves routes with a default HTML type, removable headers and 404 elsewhere', async () => {
    server = await startServer(
      routes({ '/': { body: 'hi' }, '/raw': { body: 'x', status: 201, headers: { 'content-type': null } } }),
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await get(server.url)).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: 'hi' });
    expect(await get(`${server.origin}/raw?q=1`)).toEqual({ status: 201, type: undefined, body: 'x' });
    expect((await get(`${server.origin}/nope`)).status).toBe(404);
  });

  it('closes even while a response never ends', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    const pending = get(server.url).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    server = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });
});
