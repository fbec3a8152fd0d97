import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { TargetError } from '../../errors.js';

/** What a person asked to check, made into the URLs to try. */
export interface Target {
  /** The input as given (outer white space trimmed). */
  input: string;
  /** URLs to try in order: https then http for a bare domain, the one URL otherwise. */
  candidates: URL[];
  /** The URL-normalised host: punycode for 中文域名, canonical form for IP literals (IPv6 in brackets). */
  host: string;
  /** The explicit port, or null for the scheme's default. */
  port: number | null;
}

// Schemes people paste that never have `//` after them; anything else before `:` without `//` is a host.
const OPAQUE_SCHEMES = new Set(['javascript', 'mailto', 'data', 'tel', 'sms', 'about', 'blob', 'view-source', 'news']);
const SCHEME = /^([a-z][a-z0-9+.-]*):(.*)$/is;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const MAX_LABEL = 63;
const BAD_CHARACTERS = 'contains characters a domain name cannot have (only letters, digits, hyphens and dots)';
const MAX_NAME = 253;

function refuse(input: string, code: string, reason: string): never {
  throw new TargetError(code, `Cannot check "${input}": ${reason}.`);
}

/**
 * Turns what a person typed (a bare domain, `host:port`, a full http(s) URL, a 中文域名, an IP literal)
 * into the URLs to try. Throws `TargetError` with a sentence saying what is wrong.
 */
export function parseTarget(raw: string): Target {
  const input = raw.trim();
  if (input === '') refuse(input, 'invalid-target', 'give a domain name or a URL, e.g. example.com');
  if (/\s/.test(input)) refuse(input, 'invalid-target', 'it contains a space; give one domain name or URL');
  const scheme = schemeOf(input);
  if (scheme !== null) return parseUrlTarget(input, scheme);
  return parseBareTarget(input);
}

function schemeOf(input: string): string | null {
  const match = SCHEME.exec(input);
  if (!match) return null;
  const [, name = '', rest = ''] = match;
  const lower = name.toLowerCase();
  if (rest.startsWith('//') || OPAQUE_SCHEMES.has(lower) || lower === 'http' || lower === 'https') return lower;
  return null;
}

function parseUrlTarget(input: string, scheme: string): Target {
  if (scheme !== 'http' && scheme !== 'https') {
    refuse(input, 'unsupported-scheme', `only http and https can be checked, not ${scheme}:`);
  }
  checkAuthority(input, authorityOf(input.replace(/^[a-z]+:\/*/i, '')));
  const url = toUrl(input, input);
  checkUrlFetchable(url, input);
  return { input, candidates: [url], host: url.hostname, port: portOf(url) };
}

function parseBareTarget(input: string): Target {
  const bracketed = isIP(input) === 6 ? `[${input}]` : input;
  checkAuthority(input, authorityOf(bracketed));
  const https = toUrl(`https://${bracketed}`, input);
  checkUrlFetchable(https, input);
  if (isIP(https.hostname.replace(/^\[|\]$/g, '')) === 0 && !https.hostname.includes('.')) {
    refuse(input, 'invalid-target', `"${https.hostname}" has no dot; give a full domain name such as example.com`);
  }
  const http = new URL(https.href.replace(/^https:/, 'http:'));
  return { input, candidates: [https, http], host: https.hostname, port: portOf(https) };
}

/** The `user:pass@host:port` part of a URL without its scheme. */
function authorityOf(afterScheme: string): string {
  return afterScheme.split(/[/?#]/, 1)[0] ?? '';
}

/** Checks done on the raw text, where the WHATWG parser would otherwise give a vaguer failure. */
function checkAuthority(input: string, authority: string): void {
  if (authority.includes('@')) refuse(input, 'credentials-in-url', 'remove the user name and password from the URL');
  const hostAndPort = authority.replace(/^.*@/, '');
  const shape = hostAndPort.startsWith('[') ? /^\[[^\]]*\](?::(.*))?$/ : /^[^:]*(?::(.*))?$/;
  const port = shape.exec(hostAndPort)?.[1];
  if (port === undefined) return;
  const value = Number(port);
  if (!/^\d{1,5}$/.test(port) || value < 1 || value > 65535) {
    refuse(input, 'invalid-target', `"${port}" is not a valid port; a port is a number from 1 to 65535`);
  }
}

function toUrl(text: string, input: string): URL {
  const url = URL.parse(text);
  if (url === null || url.hostname === '') refuse(input, 'invalid-target', describeBadHost(text));
  // `example.com.` is the same site; the trailing dot would only upset TLS name checks.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  return url;
}

/** Why the WHATWG parser rejected a host, found by checking it the way we check parsed names. */
function describeBadHost(text: string): string {
  const authority = authorityOf(text.replace(/^[a-z]+:\/*/i, ''));
  if (authority.startsWith('[')) return `"${authority}" is not a valid IPv6 address`;
  const host = authority.replace(/:\d*$/, '');
  if (host === '') return 'there is no host name in it';
  if (/^[\d.]+$/.test(host)) return `"${host}" is not a valid IP address`;
  return hostProblem(host) ?? `"${host}" is not a valid host name`;
}

/** Why a URL may never be fetched (scheme, credentials, invalid host name), or null when it may. */
export function urlProblem(url: URL): { code: string; reason: string } | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'unsupported-scheme', reason: `only http and https can be checked, not ${url.protocol}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { code: 'credentials-in-url', reason: 'remove the user name and password from the URL' };
  }
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) return null;
  const problem = hostProblem(url.hostname);
  return problem === null ? null : { code: 'invalid-target', reason: problem };
}

function checkUrlFetchable(url: URL, input: string): void {
  const problem = urlProblem(url);
  if (problem !== null) refuse(input, problem.code, problem.reason);
}

/** What is wrong with a (URL-normalised, ASCII) host name as a DNS name, or null. */
function hostProblem(host: string): string | null {
  const ascii = domainToASCII(host);
  if (ascii === '') return `"${host}" ${BAD_CHARACTERS}`;
  const name = ascii.replace(/\.$/, '');
  if (name.length > MAX_NAME) {
    return `the name is ${name.length} characters long; a domain name has at most ${MAX_NAME}`;
  }
  for (const label of name.split('.')) {
    if (label === '') return `"${host}" has an empty part between dots`;
    if (label.length > MAX_LABEL) {
      return `"${label.slice(0, 20)}…" is ${label.length} characters long; each part of a domain name has at most ${MAX_LABEL}`;
    }
    if (!LABEL.test(label)) return `"${host}" ${BAD_CHARACTERS}`;
  }
  return null;
}

function portOf(url: URL): number | null {
  return url.port === '' ? null : Number(url.port);
}

/**
 * The politeness key of a target: its host and explicit port (what "one check at a time per host" counts), or
 * null when the target cannot be parsed (a check of it makes no request).
 */
export function hostOf(target: string): string | null {
  try {
    const { host, port } = parseTarget(target);
    return port === null ? host : `${host}:${port}`;
  } catch {
    return null;
  }
}
