import { lookup } from 'node:dns/promises';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { rootCertificates, type TLSSocket, connect as tlsConnect } from 'node:tls';
import { FetchError, TargetError } from '../../errors.js';
import type { NetworkPolicy } from './address-policy.js';
import type { Deadline } from './deadline.js';
import { errorCode } from './fetch-errors.js';
import type { Connector, ResolvedAddress, Resolver } from './types.js';

/** What one fetch shares across hops: its I/O, its policy and its DNS answers. */
export interface ConnectContext {
  resolve: Resolver;
  connect: Connector;
  /** Which non-public addresses this fetch may dial (the target's own, listed ones, or none). */
  network: NetworkPolicy;
  deadline: Deadline;
  /** Extra trusted CA certificates (PEM). */
  ca: string[] | undefined;
  /** One answer per host for the whole fetch, so a later lookup cannot swap a checked address. */
  dnsCache: Map<string, ResolvedAddress[]>;
}

/** `dns.promises.lookup(host, { all: true })`, shaped as a Resolver. */
export const defaultResolve: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** `net.connect` to the pinned address. */
export const defaultConnect: Connector = (address, port) => netConnect({ host: address.address, port });

const DNS_FAILURES: Record<string, string> = {
  ENOTFOUND: 'does not exist in DNS (no such domain)',
  ENODATA: 'has no address records in DNS',
  EAI_AGAIN: 'could not be looked up: the DNS server did not answer (try again later)',
  ESERVFAIL: 'could not be looked up: the DNS server failed',
};

/** A host name without the brackets WHATWG URLs put around IPv6 literals. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

async function lookUp(host: string, ctx: ConnectContext): Promise<ResolvedAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family: family === 6 ? 6 : 4 }];
  const cached = ctx.dnsCache.get(host);
  if (cached) return cached;
  let answers: ResolvedAddress[];
  try {
    answers = await ctx.deadline.run('dns', host, ctx.resolve(host), () => undefined);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const reason =
      DNS_FAILURES[errorCode(error)] ?? `could not be looked up in DNS (${errorCode(error) || String(error)})`;
    throw new FetchError('dns', `${host} ${reason}.`, { cause: error });
  }
  if (answers.length === 0) throw new FetchError('dns', `${host} ${DNS_FAILURES.ENODATA}.`);
  ctx.dnsCache.set(host, answers);
  return answers;
}

/** The URL's port, or its scheme's default. */
export function portOf(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** What the target's host resolved to: its (only) answer, cached by the first hop, or the literal itself. */
function targetAddresses(ctx: ConnectContext): string[] {
  const host = ctx.network.targetHost;
  if (isIP(host) !== 0) return [host];
  return (ctx.dnsCache.get(host) ?? []).map((a) => a.address);
}

/**
 * Resolves the URL's host (once per fetch) and refuses it if any address is outside what the network
 * policy allows (public addresses; under a grant, the target's own and listed ones). Runs before any
 * connection is opened; a metadata service's name is refused before it is even looked up.
 */
export async function resolveChecked(url: URL, ctx: ConnectContext): Promise<ResolvedAddress[]> {
  const host = bareHost(url);
  const named = ctx.network.nameRefusal(host);
  if (named) throw new TargetError('refused-address', named);
  const addresses = await lookUp(host, ctx);
  const own = targetAddresses(ctx);
  for (const { address } of addresses) {
    const refusal = ctx.network.refusal(host, address, portOf(url), own);
    if (refusal) throw new TargetError('refused-address', refusal);
  }
  return addresses;
}

const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection',
  EHOSTUNREACH: 'cannot be reached from here (no route to the host)',
  ENETUNREACH: 'cannot be reached from here (no route to the network)',
  EADDRNOTAVAIL: 'cannot be reached from here (address not available)',
  ETIMEDOUT: 'did not accept a connection (timed out)',
  EPIPE: 'closed the connection',
};

/** The sentence for a connection that failed: who refused or could not be reached, and how. */
export function unreachable(error: unknown, host: string, address: string, port: number): FetchError {
  const reason =
    CONNECT_FAILURES[errorCode(error)] ?? `could not be connected to (${errorCode(error) || String(error)})`;
  return new FetchError('unreachable', `${host} (${address}, port ${port}) ${reason}.`, { cause: error });
}

function waitConnected(socket: Socket): Promise<void> {
  if (!socket.pending && !socket.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
    socket.once('close', () => reject(Object.assign(new Error('socket closed'), { code: 'ECONNRESET' })));
  });
}

/** Opens TCP to the first address that answers; every address given was already checked. */
export async function connectPinned(
  addresses: ResolvedAddress[],
  url: URL,
  port: number,
  ctx: ConnectContext,
): Promise<Socket> {
  let lastError: FetchError | undefined;
  for (const address of addresses) {
    let socket: Socket | undefined;
    try {
      socket = ctx.connect(address, port);
      const opened = socket;
      await ctx.deadline.run('connect', bareHost(url), waitConnected(opened), () => opened.destroy());
      return opened;
    } catch (error) {
      socket?.destroy();
      if (error instanceof FetchError && error.code !== 'unreachable') throw error;
      lastError = error instanceof FetchError ? error : unreachable(error, bareHost(url), address.address, port);
    }
  }
  throw lastError ?? new FetchError('unreachable', `${bareHost(url)} has no address to connect to.`);
}

const TLS_FAILURES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate nobody trusts',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate chain is incomplete (a missing intermediate certificate)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate was issued by an unknown authority or the chain is incomplete',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate was issued by an unknown authority',
  CERT_REVOKED: 'its certificate has been revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak HTTPS on this port',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'it does not speak HTTPS on this port',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'it only offers an outdated TLS version',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'it only offers an outdated TLS version',
  ECONNRESET: 'it closed the connection during the TLS handshake',
};

function tlsFailure(error: unknown, host: string): FetchError {
  const code = errorCode(error);
  const reason =
    TLS_FAILURES[code] ?? `the TLS handshake failed (${code || (error as Error)?.message || String(error)})`;
  return new FetchError('tls', `The secure connection to ${host} failed: ${reason}.`, { cause: error });
}

function waitSecure(socket: TLSSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('secureConnect', () => resolve());
    socket.once('error', reject);
    socket.once('close', () => reject(Object.assign(new Error('socket closed'), { code: 'ECONNRESET' })));
  });
}

/** TLS over the pinned socket, verifying the certificate against the host name (not the address). */
export async function startTls(socket: Socket, url: URL, ctx: ConnectContext): Promise<TLSSocket> {
  const host = bareHost(url);
  const secure = tlsConnect({
    socket,
    host,
    // SNI must be a name; for an IP literal, `host` alone makes Node check the IP in the certificate.
    servername: isIP(host) === 0 ? host : undefined,
    ALPNProtocols: ['http/1.1'],
    ...(ctx.ca ? { ca: [...rootCertificates, ...ctx.ca] } : {}),
  });
  try {
    await ctx.deadline.run('tls', host, waitSecure(secure), () => secure.destroy());
    return secure;
  } catch (error) {
    secure.destroy();
    socket.destroy();
    throw error instanceof FetchError ? error : tlsFailure(error, host);
  }
}
