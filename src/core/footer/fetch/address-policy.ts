import { isIPv4, isIPv6 } from 'node:net';

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

/**
 * Ends every refusal of a non-public address, in the fetch layer and the renderer alike. It names both
 * switches because the same sentence reaches people on the command line and in Slack.
 */
export const PRIVATE_NETWORK_OFF =
  'checking private networks is off — allow it only for your own staging sites (--allow-private-network on the command line, BEIAN_ALLOW_PRIVATE_NETWORK=true for the bot).';
