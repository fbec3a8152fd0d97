import type { Socket } from 'node:net';
import type { RedirectHop } from '../types.js';
import type { PrivateNetworkAccess } from './address-policy.js';

/** A resolved address, as `dns.promises.lookup(host, { all: true })` returns them. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Looks a host name up. Injected so tests can point names anywhere without real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Opens the TCP connection to an address that was already checked (the pinned address). Injected so
 * tests can prove that a refused address is never dialled. TLS, when needed, is layered on top.
 */
export type Connector = (address: ResolvedAddress, port: number) => Socket;

export interface FetchDeps {
  /** Default: `dns.promises.lookup(host, { all: true })`. */
  resolve?: Resolver;
  /** Default: `net.connect`. */
  connect?: Connector;
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots (a company CA; tests). */
  ca?: string[];
}

export interface FetchOptions {
  /** Which non-public addresses may be reached; default none (see `PrivateNetworkAccess`). */
  allowPrivateNetwork?: PrivateNetworkAccess;
  /** Overall limit for the whole fetch, redirects included, in milliseconds. */
  timeoutMs?: number;
  /** Cap on bytes read from one response body. */
  maxBytes?: number;
  /** Cancels the fetch (a caller's overall deadline, SIGINT). */
  signal?: AbortSignal;
  /** Overrides for the per-phase limits (tests use small ones). */
  phaseTimeoutsMs?: Partial<PhaseLimits>;
  /** Redirects (HTTP and meta refresh) followed before giving up; default 5. */
  maxRedirects?: number;
}

/** What the fetch layer hands the reader: one decoded HTML page and how we got there. */
export interface FetchedPage {
  /** The first URL requested that answered (after choosing https or http for a bare domain). */
  url: string;
  /** The page judged: after HTTP redirects and `<meta http-equiv=refresh>`. */
  finalUrl: string;
  /** Every hop before the final page. */
  redirects: RedirectHop[];
  status: number;
  contentType: string;
  /** The decoder used, e.g. `utf-8` or `gb18030`. */
  charset: string;
  html: string;
  /** Bytes of body read. */
  bytes: number;
}

/** Per-phase time limits in milliseconds; each is also bounded by what is left of `timeoutMs`. */
export interface PhaseLimits {
  /** DNS lookup of one host name. */
  dns: number;
  /** TCP connection to the pinned address. */
  connect: number;
  /** TLS handshake (https only). */
  tls: number;
  /** From sending the request to the response headers. */
  response: number;
  /** Longest silence while reading the body. */
  bodyIdle: number;
}

export type FetchPhase = keyof PhaseLimits;
