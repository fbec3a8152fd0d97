import { describe, expect, it } from 'vitest';
import {
  allowEntryProblem,
  classifyAddress,
  createNetworkPolicy,
  isPublicAddress,
  mergePrivateNetworkAccess,
  NEVER_ALLOWED,
  neverAllowedReason,
  PRIVATE_NETWORK_OFF,
} from '../../../../src/core/footer/fetch/address-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'a "this network" address'],
    ['0.255.1.2', 'a "this network" address'],
    ['10.0.0.5', 'a private address'],
    ['10.255.255.255', 'a private address'],
    ['100.64.0.1', 'a carrier-grade NAT (shared) address'],
    ['100.127.255.254', 'a carrier-grade NAT (shared) address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['169.254.169.254', 'a link-local address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.0.0.8', 'an IETF protocol assignment address'],
    ['192.0.2.1', 'a documentation address'],
    ['192.88.99.1', 'a 6to4 relay anycast address'],
    ['192.168.1.1', 'a private address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['198.19.255.255', 'a benchmarking address'],
    ['198.51.100.7', 'a documentation address'],
    ['203.0.113.9', 'a documentation address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['240.0.0.1', 'a reserved address'],
    ['255.255.255.255', 'the broadcast address'],
    ['::', 'the unspecified address'],
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['0:0:0:0:0:0:0:1', 'a loopback address'],
    ['::ffff:127.0.0.1', 'an IPv4-mapped address wrapping a loopback address'],
    ['::ffff:7f00:1', 'an IPv4-mapped address wrapping a loopback address'],
    ['[::ffff:a00:5]', 'an IPv4-mapped address wrapping a private address'],
    ['::127.0.0.1', 'an IPv4-compatible (deprecated) address'],
    ['64:ff9b::10.0.0.1', 'a NAT64 address wrapping a private address'],
    ['64:ff9b::a9fe:a9fe', 'a NAT64 address wrapping a link-local address'],
    ['64:ff9b:1::1', 'a local-use NAT64 address'],
    ['100::1', 'a discard-only address'],
    ['2001::1', 'a Teredo tunnel address'],
    ['2001:0:4136:e378::1', 'a Teredo tunnel address'],
    ['2001:db8::1', 'a documentation address'],
    ['2002:c0a8:101::1', 'a 6to4 address wrapping a private address'],
    ['2002:7f00:1::', 'a 6to4 address wrapping a loopback address'],
    ['fc00::1', 'a unique local (private) address'],
    ['fd12:3456::1', 'a unique local (private) address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['febf::1', 'a link-local address'],
    ['fec0::1', 'a site-local (deprecated) address'],
    ['ff02::1', 'a multicast address'],
    ['4000::1', 'a reserved address'],
    ['localhost', 'not an IP address'],
    ['127.1', 'not an IP address'],
    ['', 'not an IP address'],
  ])('refuses %s as %s', (ip, reason) => {
    expect(classifyAddress(ip)).toEqual({ public: false, reason });
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.255',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.254',
    '2606:4700:4700::1111',
    '2400:3200::1',
    '2001:4860:4860::8888',
    '::ffff:93.184.216.34',
    '64:ff9b::5db8:d822',
    '2002:5db8:d822::1',
  ])('accepts %s as public', (ip) => {
    expect(classifyAddress(ip)).toEqual({ public: true });
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('neverAllowedReason', () => {
  it.each([
    ['169.254.169.254', 'a cloud metadata address'],
    ['100.100.100.200', 'a cloud metadata address (Alibaba Cloud)'],
    ['fd00:ec2::254', 'a cloud metadata address (AWS)'],
    ['[fd00:ec2::254]', 'a cloud metadata address (AWS)'],
    ['169.254.0.23', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['febf::1', 'a link-local address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
    ['::ffff:a9fe:a9fe', 'a cloud metadata address'],
    ['64:ff9b::a9fe:a9fe', 'a cloud metadata address'],
    ['2002:a9fe:a9fe::1', 'a cloud metadata address'],
    ['::ffff:100.100.100.200', 'a cloud metadata address (Alibaba Cloud)'],
  ])('never allows %s: %s', (ip, reason) => {
    expect(neverAllowedReason(ip)).toBe(reason);
  });

  it.each([
    '10.0.0.1',
    '127.0.0.1',
    '100.100.100.201',
    '::1',
    'fd00:ec2::253',
    '93.184.216.34',
    'fec0::1',
    'db.internal',
  ])('leaves %s to the ordinary rule', (ip) => {
    expect(neverAllowedReason(ip)).toBeNull();
  });
});

describe('allowEntryProblem', () => {
  it.each([
    '10.0.0.0/8',
    '192.168.1.7',
    '172.16.0.0/12',
    'fd00::/8',
    '::1',
    '10.1.2.0/24',
    'db.internal',
    'Staging.Corp.',
  ])('accepts %s', (entry) => {
    expect(allowEntryProblem(entry)).toBeNull();
  });

  it.each([
    ['10.0.0.0/33', '"10.0.0.0/33" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)'],
    ['10.0.0', '"10.0.0" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)'],
    ['10.0.0.0/8/8', '"10.0.0.0/8/8" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)'],
    ['fd00::/129', '"fd00::/129" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)'],
    ['db internal', '"db internal" is not a host name (e.g. db.internal)'],
    [
      'http://db.internal',
      '"http://db.internal" is not a CIDR block or IP address (e.g. 10.0.0.0/8, fd00::/8, 10.1.2.3)',
    ],
    ['', 'an entry is empty'],
  ])('refuses %s', (entry, problem) => {
    expect(allowEntryProblem(entry)).toBe(problem);
  });
});

describe('createNetworkPolicy', () => {
  const target = new URL('http://staging.example:8080/');
  const own = ['10.0.0.5'];
  const refusal = (access: Parameters<typeof createNetworkPolicy>[0], host: string, address: string, port: number) =>
    createNetworkPolicy(access, target).refusal(host, address, port, own);

  it.each([
    ['a public address, with no grant', false, 'cdn.example', '93.184.216.34', 443],
    ["the target's own address on its port", true, 'staging.example', '10.0.0.5', 8080],
    ["the target's own address on port 80", true, 'staging.example', '10.0.0.5', 80],
    ["the target's own address on port 443, under another name", true, 'alias.example', '10.0.0.5', 443],
    ['a listed CIDR, any port', { target: false, allow: ['10.1.0.0/16'] }, 'db.example', '10.1.2.3', 5432],
    ['a listed host, any address', { target: false, allow: ['db.internal'] }, 'DB.internal.', '10.9.9.9', 8443],
  ])('allows %s', (_, access, host, address, port) => {
    expect(refusal(access, host, address, port)).toBeNull();
  });

  it('refuses any private address without a grant, naming the switches', () => {
    expect(refusal(false, 'staging.example', '10.0.0.5', 8080)).toBe(
      `staging.example resolves to 10.0.0.5, a private address; ${PRIVATE_NETWORK_OFF}`,
    );
  });

  it('refuses an unlisted private address under a list alone, the target included', () => {
    expect(refusal({ target: false, allow: ['10.1.0.0/16'] }, 'staging.example', '10.0.0.5', 8080)).toBe(
      `staging.example resolves to 10.0.0.5, a private address, on port 8080, which is not on the private-network allow list; ${PRIVATE_NETWORK_OFF}`,
    );
  });

  it.each([
    ["the target's own address on another port", 'staging.example', '10.0.0.5', 6379],
    ['another private address', 'redis.example', '10.0.0.6', 8080],
    ['loopback', '127.0.0.1', '127.0.0.1', 8080],
  ])('refuses %s under the grant, saying what is allowed', (_, host, address, port) => {
    expect(refusal(true, host, address, port)).toMatch(
      /on port \d+: neither the target's own address \(staging\.example, port 8080, 80, 443\) nor on the private-network allow list; list other internal hosts you own with --allow-private/,
    );
  });

  it.each([
    ['169.254.169.254', '169.254.169.254 is a cloud metadata address'],
    ['169.254.10.1', '169.254.10.1 is a link-local address'],
    ['fe80::1', 'fe80::1 is a link-local address'],
    ['100.100.100.200', '100.100.100.200 is a cloud metadata address (Alibaba Cloud)'],
  ])('refuses %s even when it is the target itself and listed', (address, sentence) => {
    const policy = createNetworkPolicy(
      { target: true, allow: [address, '0.0.0.0/0', '::/0'] },
      new URL(`http://${address.includes(':') ? `[${address}]` : address}/`),
    );
    expect(policy.refusal(address, address, 80, [address])).toBe(`${sentence}; ${NEVER_ALLOWED}`);
  });

  it('refuses a metadata service by name, even when listed', () => {
    const policy = createNetworkPolicy({ target: true, allow: ['metadata.google.internal'] }, target);
    expect(policy.nameRefusal('Metadata.Google.Internal.')).toBe(
      `metadata.google.internal is the name of a cloud metadata service; ${NEVER_ALLOWED}`,
    );
    expect(policy.nameRefusal('staging.example')).toBeNull();
  });

  it('refuses a bad allow-list entry with a TargetError naming it', () => {
    expect(() => createNetworkPolicy({ target: false, allow: ['10.0.0.0/40'] }, target)).toThrow(
      'Private-network allow list: "10.0.0.0/40" is not a CIDR block',
    );
  });
});

describe('mergePrivateNetworkAccess', () => {
  it.each([
    [[false, undefined], false],
    [[true, false], true],
    [[false, { target: false, allow: [] }], false],
    [[true, { target: false, allow: ['10.0.0.0/8'] }], { target: true, allow: ['10.0.0.0/8'] }],
    [
      [
        { target: false, allow: ['a.internal'] },
        { target: false, allow: ['b.internal'] },
      ],
      { target: false, allow: ['a.internal', 'b.internal'] },
    ],
  ] as const)('merges %j into %j', (grants, merged) => {
    expect(mergePrivateNetworkAccess(...grants)).toEqual(merged);
  });
});
