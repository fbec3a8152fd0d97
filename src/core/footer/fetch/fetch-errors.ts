import { FetchError } from '../../errors.js';
import type { FetchedPage, FetchPhase } from './types.js';

/** The server answered with an HTTP error status; `page` holds the body when it was small enough to keep. */
export class HttpStatusError extends FetchError {
  readonly status: number;
  readonly url: string;
  /** The decoded error page (a WAF challenge is often a 403 or 503 with HTML the analyser can recognise). */
  readonly page: FetchedPage | undefined;

  constructor(message: string, details: { status: number; url: string; page?: FetchedPage }) {
    super('http-status', message);
    this.status = details.status;
    this.url = details.url;
    this.page = details.page;
  }
}

/** A time limit ran out; `phase` says what we were waiting for. */
export class FetchTimeoutError extends FetchError {
  readonly phase: FetchPhase;

  constructor(phase: FetchPhase, message: string, options?: { cause?: unknown }) {
    super('timeout', message, options);
    this.phase = phase;
  }
}

/** The `code` of a Node system or OpenSSL error, if any. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Seconds or milliseconds, whichever reads better. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

/** Bytes as a person reads them: `5 MB`, `40 MB`, `300 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
