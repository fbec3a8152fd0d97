import { FetchError } from '../../errors.js';
import { FetchTimeoutError, formatDuration } from './fetch-errors.js';
import type { FetchPhase, PhaseLimits } from './types.js';

const WAITING_FOR: Record<FetchPhase, string> = {
  dns: 'the DNS lookup',
  connect: 'the connection',
  tls: 'the secure (TLS) handshake',
  response: 'the server to start answering',
  bodyIdle: 'the rest of the page',
};

function phaseSentence(phase: FetchPhase, host: string, limit: string): string {
  switch (phase) {
    case 'dns':
      return `Looking up ${host} in DNS took longer than ${limit}.`;
    case 'connect':
      return `${host} did not accept a connection within ${limit}.`;
    case 'tls':
      return `${host} did not complete the secure (TLS) handshake within ${limit}.`;
    case 'response':
      return `${host} accepted the connection but did not start answering within ${limit}.`;
    case 'bodyIdle':
      return `${host} stopped sending the page for ${limit} before it was complete.`;
  }
}

/** One overall time budget split into phase limits, plus the caller's cancel signal. */
export class Deadline {
  readonly #end: number;

  constructor(
    readonly totalMs: number,
    readonly limits: PhaseLimits,
    readonly signal: AbortSignal | undefined,
  ) {
    this.#end = Date.now() + totalMs;
  }

  remaining(): number {
    return Math.max(0, this.#end - Date.now());
  }

  /** How long the phase may take now, and whether the overall budget is what limits it. */
  allowance(phase: FetchPhase): { ms: number; overall: boolean } {
    const remaining = this.remaining();
    const limit = this.limits[phase];
    return remaining < limit ? { ms: remaining, overall: true } : { ms: limit, overall: false };
  }

  timeoutError(phase: FetchPhase, host: string, overall: boolean): FetchTimeoutError {
    if (overall) {
      const total = formatDuration(this.totalMs);
      return new FetchTimeoutError(
        phase,
        `Checking ${host} took longer than the ${total} limit (waiting for ${WAITING_FOR[phase]}).`,
      );
    }
    return new FetchTimeoutError(phase, phaseSentence(phase, host, formatDuration(this.limits[phase])));
  }

  abortedError(): FetchError {
    return new FetchError('aborted', 'The check was cancelled before it finished.', { cause: this.signal?.reason });
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw this.abortedError();
  }

  /**
   * Waits for `work` within the phase's allowance. On timeout or cancel, `cancel` tears the work down
   * (destroys the socket) so nothing keeps running behind the error.
   */
  run<T>(phase: FetchPhase, host: string, work: Promise<T>, cancel: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { ms, overall } = this.allowance(phase);
      const fail = (error: Error) => {
        settle();
        cancel();
        reject(error);
      };
      const onAbort = () => fail(this.abortedError());
      const timer = setTimeout(() => fail(this.timeoutError(phase, host, overall)), ms);
      const settle = () => {
        clearTimeout(timer);
        this.signal?.removeEventListener('abort', onAbort);
      };
      if (this.signal?.aborted) return onAbort();
      this.signal?.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }
}
