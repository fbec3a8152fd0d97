import { isIPv4, isIPv6 } from 'node:net';
import { TargetError } from '../../errors.js';

/** Whether an address may be dialled by default, and if not, why in words a person understands. */
export type AddressClass = { public: true } | { public: false; reason: string };

interface Range4 {
  base: number;
  bits: number;
  reason: string;
}

// Order matters only where ranges nest: the broadcast address is named before 240/4.
const V4_RANGES: readonly Range4[] = [
  range4('255.255.255.255', 32, 'the broadcast address'),
  range4('0.0.0.0', 8, 'a "this network" address'),
  range4('10.0.0.0', 8, 'a private address'),
  range4('100.64.0.0', 10, 'a carrier-grade NAT (shared) address'),
  range4('127.0.0.0', 8, 'a loopback address'),
  range4('169.254.0.0', 16, 'a link-local address'),
  range4('172.16.0.0', 12, 'a private address'),
  range4('192.0.0.0', 24, 'an IETF protocol assignment address'),
  range4('192.0.2.0', 24, 'a documentation address'),
  range4('192.88.99.0', 24, 'a 6to4 relay anycast address'),
  range4('192.168.0.0', 16, 'a private address'),
  range4('198.18.0.0', 15, 'a benchmarking address'),
  range4('198.51.100.0', 24, 'a documentation address'),
  range4('203.0.113.0', 24, 'a documentation address'),
  range4('224.0.0.0', 4, 'a multicast address'),
  range4('240.0.0.0', 4, 'a reserved address'),
];

function range4(dotted: string, bits: number, reason: string): Range4 {
  return { base: parseIPv4(dotted), bits, reason };
}

function parseIPv4(dotted: string): number {
  return dotted.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function inRange4(value: number, range: Range4): boolean {
  const size = 2 ** (32 - range.bits);
  return Math.floor(value / size) === Math.floor(range.base / size);
}

function classifyIPv4(value: number): AddressClass {
  const range = V4_RANGES.find((r) => inRange4(value, r));
  return range ? { public: false, reason: range.reason } : { public: true };
}

/** Eight 16-bit groups; `::` expanded, a dotted IPv4 tail rewritten as two groups first. */
function parseIPv6(text: string): number[] {
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  let hex = text;
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    hex = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const toGroups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const [left = '', right] = hex.split('::');
  if (right === undefined) return toGroups(left);
  const l = toGroups(left);
  const r = toGroups(right);
  return [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
}

function embeddedIPv4(high: number, low: number): number {
  return high * 65536 + low;
}

function classifyIPv6(g: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return { public: false, reason: 'the unspecified address' };
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return { public: false, reason: 'a loopback address' };
  if (upperZero && g5 === 0xffff) return embedded('an IPv4-mapped address', embeddedIPv4(g6, g7));
  if (upperZero && g5 === 0) return { public: false, reason: 'an IPv4-compatible (deprecated) address' };
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return embedded('a NAT64 address', embeddedIPv4(g6, g7));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return { public: false, reason: 'a local-use NAT64 address' };
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return { public: false, reason: 'a discard-only address' };
  if (g0 === 0x2001 && g1 === 0xdb8) return { public: false, reason: 'a documentation address' };
  if (g0 === 0x2001 && g1 === 0) return { public: false, reason: 'a Teredo tunnel address' };
  if (g0 === 0x2002) return embedded('a 6to4 address', embeddedIPv4(g1, g2));
  if ((g0 & 0xfe00) === 0xfc00) return { public: false, reason: 'a unique local (private) address' };
  if ((g0 & 0xffc0) === 0xfe80) return { public: false, reason: 'a link-local address' };
  if ((g0 & 0xffc0) === 0xfec0) return { public: false, reason: 'a site-local (deprecated) address' };
  if ((g0 & 0xff00) === 0xff00) return { public: false, reason: 'a multicast address' };
  // Only 2000::/3 is allocated for global unicast; everything else is reserved.
  if ((g0 & 0xe000) !== 0x2000) return { public: false, reason: 'a reserved address' };
  return { public: true };
}

/** An IPv6 address that carries an IPv4 one is as public as the IPv4 address inside it. */
function embedded(kind: string, v4: number): AddressClass {
  const inner = classifyIPv4(v4);
  if (inner.public) return inner;
  return { public: false, reason: `${kind} wrapping ${inner.reason}` };
}

/**
 * Says whether an IP address is on the public internet. Accepts the forms DNS answers and WHATWG URL
 * host names take (`10.0.0.5`, `::1`, `[::ffff:7f00:1]`, with or without a zone id); anything else is
 * reported as not an IP address, never as public.
 */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyIPv4(parseIPv4(bare));
  if (isIPv6(bare)) return classifyIPv6(parseIPv6(bare.toLowerCase()));
  return { public: false, reason: 'not an IP address' };
}

/** True when `classifyAddress` says the address is public. */
export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip).public;
}

/** Parses an IPv4 or IPv6 address (brackets and zone id allowed) into a family and a 32- or 128-bit value. */
function addressValue(ip: string): { family: 4 | 6; value: bigint } | null {
  const bare = ip.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return { family: 4, value: BigInt(parseIPv4(bare)) };
  if (!isIPv6(bare)) return null;
  const value = parseIPv6(bare.toLowerCase()).reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
  return { family: 6, value };
}

/** A CIDR block: family, first address and prefix length. */
interface Block {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

function inBlock(address: { family: 4 | 6; value: bigint }, block: Block): boolean {
  if (address.family !== block.family) return false;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.bits);
  return address.value >> shift === block.base >> shift;
}

/** Parses `10.0.0.0/8`, `fd00::/8` or a single address (a block of one); null when it is not one. */
function parseBlock(text: string): Block | null {
  const [ip = '', prefix, extra] = text.split('/');
  const address = addressValue(ip);
  if (!address || extra !== undefined) return null;
  const max = address.family === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  if (!(bits >= 0 && bits <= max)) return null;
  return { family: address.family, base: address.value, bits };
}

const NEVER_BLOCKS: readonly { block: Block; reason: string }[] = [
  { text: '169.254.169.254/32', reason: 'a cloud metadata address' },
  { text: '100.100.100.200/32', reason: 'a cloud metadata address (Alibaba Cloud)' },
  { text: 'fd00:ec2::254/128', reason: 'a cloud metadata address (AWS)' },
  { text: '169.254.0.0/16', reason: 'a link-local address' },
  { text: 'fe80::/10', reason: 'a link-local address' },
].map(({ text, reason }) => ({ block: parseBlock(text) as Block, reason }));

/** Names of cloud metadata services, refused before they are even looked up. */
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.azure.com',
]);

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), as a value, or null. */
function carriedIPv4(value: bigint): bigint | null {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn || value >> 32n === 0n) return low32;
  if (value >> 32n === 0x0064ff9b0000000000000000n) return low32;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn;
  return null;
}

/**
 * Why an address is never dialled, even when private networks are allowed or listed: link-local
 * addresses and cloud metadata services (also when wrapped in an IPv6 form), or null.
 */
export function neverAllowedReason(ip: string): string | null {
  const address = addressValue(ip);
  if (!address) return null;
  const forms = [address];
  const v4 = address.family === 6 ? carriedIPv4(address.value) : null;
  if (v4 !== null) forms.push({ family: 4, value: v4 });
  for (const form of forms) {
    const hit = NEVER_BLOCKS.find(({ block }) => inBlock(form, block));
    if (hit) return hit.reason;
  }
  return null;
}

function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** Why a host name is never dialled (a cloud metadata service's name), or null. */
export function neverAllowedHostReason(host: string): string | null {
  return METADATA_HOSTS.has(normaliseHost(host)) ? 'the name of a cloud metadata service' : null;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** What is wrong with one entry of a private-network allow list (a CIDR, an address or a host name), or null. */
export function allowEntryProblem(entry: string): string | null {
  const text = entry.trim();
  if (text === '') return 'an entry is empty';
  if (/^[\d.]+$|[:/]/.test(text)) {
    return parseBlock(text)
      ? null
      : `"${text}" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)`;
  }
  return HOST_NAME.test(normaliseHost(text)) ? null : `"${text}" is not a host name (e.g. db.internal)`;
}

/**
 * How far a check may reach past the public internet. `false`: nowhere. `true`: the target's own
 * addresses (what its host resolved to) on its port and the web ports 80 and 443. The object form says
 * both parts: `target` as above, `allow` operator-listed CIDRs, addresses and host names (any port).
 * Link-local and cloud metadata addresses are refused whatever this says.
 */
export type PrivateNetworkAccess = boolean | { target: boolean; allow: readonly string[] };

/** Combines several grants (the environment's and the command line's) into one. */
export function mergePrivateNetworkAccess(
  ...grants: readonly (PrivateNetworkAccess | undefined)[]
): PrivateNetworkAccess {
  const target = grants.some((g) => g === true || (typeof g === 'object' && g.target));
  const allow = grants.flatMap((g) => (typeof g === 'object' ? g.allow : []));
  return allow.length === 0 ? target : { target, allow };
}

/** One check's rule for non-public addresses: who the target is, what it grants, what is listed. */
export interface NetworkPolicy {
  /** The target's host name (bare); its resolved addresses are the ones `true` grants. */
  targetHost: string;
  /** Null when `address` (one of `host`'s, on `port`) may be dialled; otherwise the whole refusal sentence. */
  refusal(host: string, address: string, port: number, targetAddresses: readonly string[]): string | null;
  /** The refusal sentence for a host that may never be looked up (a metadata service's name), or null. */
  nameRefusal(host: string): string | null;
}

/** Granted on the target's own addresses besides its port: staging sites redirect between http and https. */
const WEB_PORTS = [80, 443];

/**
 * Creates the policy for one check of `target` (the URL first requested). Throws a TargetError naming
 * a bad allow-list entry (the edges validate them first, so this is a programming error).
 */
export function createNetworkPolicy(access: PrivateNetworkAccess | undefined, target: URL): NetworkPolicy {
  const grant = typeof access === 'object' ? access : { target: access === true, allow: [] };
  const bad = grant.allow.find((entry) => allowEntryProblem(entry) !== null);
  if (bad !== undefined)
    throw new TargetError('invalid-allow-list', `Private-network allow list: ${allowEntryProblem(bad)}.`);
  const blocks = grant.allow.map((entry) => parseBlock(entry.trim())).filter((b): b is Block => b !== null);
  const hosts = new Set(grant.allow.filter((entry) => parseBlock(entry.trim()) === null).map(normaliseHost));
  const targetHost = normaliseHost(target.hostname);
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const targetPorts = new Set([target.port === '' ? defaultPort : Number(target.port), ...WEB_PORTS]);
  const anyGrant = grant.target || grant.allow.length > 0;

  const listed = (host: string, address: string) => {
    const value = addressValue(address);
    return hosts.has(normaliseHost(host)) || (value !== null && blocks.some((block) => inBlock(value, block)));
  };
  return {
    targetHost,
    nameRefusal: (host) => {
      const reason = neverAllowedHostReason(host);
      return reason && `${normaliseHost(host)} is ${reason}; ${NEVER_ALLOWED}`;
    },
    refusal(host, address, port, targetAddresses) {
      const bare = normaliseHost(host);
      const where = normaliseHost(address) === bare ? `${bare} is` : `${bare} resolves to ${address},`;
      const never = neverAllowedReason(address);
      if (never) return `${where} ${never}; ${NEVER_ALLOWED}`;
      const kind = classifyAddress(address);
      if (kind.public || listed(host, address)) return null;
      if (grant.target && targetPorts.has(port) && targetAddresses.includes(address)) return null;
      if (!anyGrant) return `${where} ${kind.reason}; ${PRIVATE_NETWORK_OFF}`;
      if (!grant.target) {
        return `${where} ${kind.reason}, on port ${port}, which is not on the private-network allow list; ${PRIVATE_NETWORK_OFF}`;
      }
      const own = `the target's own address (${targetHost}, port ${[...targetPorts].join(', ')})`;
      return `${where} ${kind.reason}, on port ${port}: neither ${own} nor on the private-network allow list; ${PRIVATE_NETWORK_SCOPE}`;
    },
  };
}

/** Ends a refusal of a link-local or metadata address: no switch allows those. */
export const NEVER_ALLOWED =
  'link-local and cloud metadata addresses are never checked, even when private networks are allowed.';

/** Ends a refusal under a private-network grant: says how to widen it. */
export const PRIVATE_NETWORK_SCOPE =
  'list other internal hosts you own with --allow-private CIDR,HOST on the command line, BEIAN_PRIVATE_NETWORK_ALLOW for the bot.';

/**
 * Ends every refusal of a non-public address, in the fetch layer and the renderer alike. It names both
 * switches because the same sentence reaches people on the command line and in Slack.
 */
export const PRIVATE_NETWORK_OFF =
  'checking private networks is off — allow it only for your own staging sites (--allow-private-network on the command line, BEIAN_ALLOW_PRIVATE_NETWORK=true for the bot).';
