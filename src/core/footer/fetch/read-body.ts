import type { IncomingMessage } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from '../../errors.js';
import type { Deadline } from './deadline.js';
import { formatBytes } from './fetch-errors.js';

// Lenient like browsers: a gzip stream cut short still yields what arrived.
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/** zlib's two-byte header: compression method 8 and a check value that makes the pair a multiple of 31. */
function hasZlibHeader(chunk: Buffer): boolean {
  const [cmf = 0, flg = 0] = chunk;
  return (cmf & 0x0f) === 8 && (chunk.length < 2 || (cmf * 256 + flg) % 31 === 0);
}

/**
 * "deflate" as servers send it: usually zlib-wrapped as the standard says, sometimes raw (old IIS).
 * The first bytes decide which inflater to use.
 */
class InflateEither extends Transform {
  #inner: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const inner = this.#inner ?? this.#start(chunk);
    if (inner.write(chunk)) callback();
    else inner.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#inner) {
      callback();
      return;
    }
    this.#inner.once('end', () => callback());
    this.#inner.end();
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.#inner?.destroy();
    callback(error);
  }

  #start(first: Buffer): Transform {
    const inner = hasZlibHeader(first) ? createInflate(LENIENT) : createInflateRaw(LENIENT);
    inner.on('data', (data: Buffer) => this.push(data));
    inner.on('error', (error) => this.destroy(error));
    this.#inner = inner;
    return inner;
  }
}

function createDecoder(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(LENIENT);
    case 'deflate':
      return new InflateEither();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** The decoders for a Content-Encoding header, in the order the body must pass through them. */
function decodersFor(header: string | undefined): Transform[] {
  const encodings = (header ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  return encodings.reverse().map((encoding) => {
    const decoder = createDecoder(encoding);
    if (!decoder) {
      throw new FetchError('bad-response', `The server sent the page encoded as "${encoding}", which cannot be read.`);
    }
    return decoder;
  });
}

export function tooLarge(limit: number, size?: number): FetchError {
  const stated = size === undefined ? 'larger than' : `${formatBytes(size)}, over`;
  return new FetchError('too-large', `The page is ${stated} the ${formatBytes(limit)} limit, so it was not read.`);
}

/** Refuses a declared Content-Length over the cap before a byte of the body is read. */
export function checkDeclaredLength(response: IncomingMessage, limit: number): void {
  // Compressed or not: decoding never makes a body smaller than what was sent.
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, declared);
}

/**
 * Reads and decompresses a body, counting decoded bytes: past `limit` it stops (a compression bomb stops
 * at the cap too) and throws `too-large`; never truncates silently. A silence longer than the idle limit
 * throws `timeout`.
 */
export function readBody(response: IncomingMessage, host: string, limit: number, deadline: Deadline): Promise<Buffer> {
  const decoders = decodersFor(response.headers['content-encoding']);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // A destroyed response can still hand buffered chunks to its listeners (the decoder's unpipe resumes it
      // while the socket closes): those must not re-arm the idle timer and hold the process open for 10 s.
      response.off('data', armIdle);
      deadline.signal?.removeEventListener('abort', onAbort);
      if (error) {
        response.destroy();
        for (const decoder of decoders) decoder.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };
    const armIdle = () => {
      if (done) return;
      clearTimeout(timer);
      const { ms, overall } = deadline.allowance('bodyIdle');
      timer = setTimeout(() => finish(deadline.timeoutError('bodyIdle', host, overall)), ms);
    };
    const onAbort = () => finish(deadline.abortedError());
    deadline.signal?.addEventListener('abort', onAbort, { once: true });
    if (deadline.signal?.aborted) return onAbort();
    armIdle();
    response.on('data', armIdle);
    for (const decoder of decoders) decoder.on('error', (error) => finish(badBody(error)));
    const output = decoders.reduce<Readable>((source, decoder) => source.pipe(decoder), response);
    output.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    });
    output.on('end', () => finish(null));
    output.on('error', (error) => finish(badBody(error)));
    response.on('aborted', () => finish(cutShort()));
    response.on('close', () => {
      if (!response.complete) finish(cutShort());
    });
  });
}

function cutShort(): FetchError {
  return new FetchError('bad-response', 'The server closed the connection before the page was complete.');
}

function badBody(error: Error): FetchError {
  if (error instanceof FetchError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Z_') || code.startsWith('ERR_')) {
    return new FetchError('bad-response', `The page's compressed data is corrupt (${error.message}).`, {
      cause: error,
    });
  }
  return cutShort();
}
