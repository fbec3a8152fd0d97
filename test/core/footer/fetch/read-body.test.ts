import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../../../src/core/footer/fetch/deadline.js';
import { FETCH_DEFAULTS } from '../../../../src/core/footer/fetch/fetch-homepage.js';
import { readBody } from '../../../../src/core/footer/fetch/read-body.js';

const CAP = 1024 * 1024;

/**
 * A response as IncomingMessage behaves: its destroy completes only once the socket has closed (a turn
 * later), and chunks that arrived before the cut are still buffered in it meanwhile.
 */
function bufferedResponse(body: Buffer, encoding: string): IncomingMessage {
  const response = new Readable({
    read() {},
    destroy(error, callback) {
      setImmediate(() => callback(error));
    },
  });
  for (let at = 0; at < body.length; at += 1024) response.push(body.subarray(at, at + 1024));
  return Object.assign(response, { headers: { 'content-encoding': encoding }, complete: false }) as never;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('readBody', () => {
  const bomb = Buffer.alloc(64 * 1024 * 1024, ' ');

  it.each([
    ['gzip', gzipSync(bomb)],
    ['deflate', deflateRawSync(bomb)],
    ['br', brotliCompressSync(bomb)],
  ])('leaves no timer behind once a %s bomb is cut at the cap', async (encoding, body) => {
    // Only the idle timer's kind is faked: streams and zlib run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const response = bufferedResponse(body, encoding);
    const closed = new Promise((resolve) => response.once('close', resolve));
    const deadline = new Deadline(20_000, FETCH_DEFAULTS.phases, undefined);
    await expect(readBody(response, 'bomb.example', CAP, deadline)).rejects.toMatchObject({ code: 'too-large' });
    await closed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(vi.getTimerCount()).toBe(0);
  });
});
