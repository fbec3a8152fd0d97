import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isRawBodyError, type Logger } from '@slack/bolt';

/** Slack's bound on a signed request's age (5 minutes); the same bound is applied to timestamps in the future. */
export const MAX_CLOCK_SKEW_S = 300;

/** Options for guardSlackRequests. */
export interface RequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  /** True once stopping has begun: new Slack requests get 503 while in-flight replies finish. */
  isDraining: () => boolean;
  /** The path Bolt takes requests on. */
  endpoint?: string;
  /** Largest body read, in bytes (Bolt's 4 MB by default). */
  bodyLimit?: number;
  /** Clock in milliseconds; tests move it. */
  now?: () => number;
}

type Refusal = { status: number; reason: string };

/**
 * Wraps Bolt's HTTP request listener: a request to the events endpoint reaches Bolt only when it is signed,
 * not from beyond the clock skew either way, and its body is a JSON object. Anything else is answered here
 * (401, 400, 413, or 503 while draining) and logged, because Bolt reads fields of the parsed body outside any
 * guard and a signed `null` would reject a promise no one catches.
 */
export function guardSlackRequests(inner: RequestListener, options: RequestGuardOptions): RequestListener {
  const endpoint = options.endpoint ?? '/slack/events';
  return (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== endpoint) {
      inner(req, res);
      return;
    }
    if (options.isDraining()) {
      refuse(res, options.logger, { status: 503, reason: 'the bot is stopping; Slack will retry elsewhere' });
      return;
    }
    checkRequest(req, options).then(
      (refusal) => {
        if (refusal) refuse(res, options.logger, refusal);
        else inner(req, res);
      },
      (error: unknown) => {
        options.logger.error('Checking a Slack request failed:', error);
        refuse(res, options.logger, { status: 500, reason: 'the request could not be checked' });
      },
    );
  };
}

async function checkRequest(req: IncomingMessage, options: RequestGuardOptions): Promise<Refusal | null> {
  const now = options.now ?? Date.now;
  let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
  try {
    // Bolt reuses the buffered body (req.rawBody) when the request reaches it.
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      {
        enabled: true,
        signingSecret: options.signingSecret,
        bodyLimit: options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit,
        nowMilliseconds: now,
      },
      req,
    );
  } catch (error) {
    if (isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) {
      return { status: 413, reason: 'the body is larger than the limit' };
    }
    return { status: 401, reason: (error as Error).message };
  }
  // An ssl_check carries no timestamp (Bolt lets it through unsigned and strips its body); NaN passes here.
  const ahead = Number(req.headers['x-slack-request-timestamp']) - Math.floor(now() / 1000);
  if (ahead > MAX_CLOCK_SKEW_S) {
    return {
      status: 401,
      reason: `x-slack-request-timestamp is ${ahead} s in the future; at most ${MAX_CLOCK_SKEW_S} s of clock skew is accepted`,
    };
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch (error) {
    return { status: 400, reason: `the body is not valid JSON (${(error as Error).message})` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, reason: `the body is ${describe(body)}, not a JSON object` };
  }
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function refuse(res: ServerResponse, logger: Logger, refusal: Refusal): void {
  logger.warn(`Refused a request to the Slack endpoint with ${refusal.status}: ${refusal.reason}`);
  if (res.headersSent) return;
  res.writeHead(refusal.status, refusal.status === 503 ? { 'retry-after': '5' } : {});
  res.end();
}
