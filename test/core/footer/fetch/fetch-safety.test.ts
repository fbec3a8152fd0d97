import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, TargetError } from '../../../../src/core/errors.js';
import { NEVER_ALLOWED, PRIVATE_NETWORK_OFF } from '../../../../src/core/footer/fetch/address-policy.js';
import { fetchDocument, fetchHomepage } from '../../../../src/core/footer/fetch/fetch-homepage.js';
import type { ResolvedAddress, Resolver } from '../../../../src/core/footer/fetch/types.js';
import { routes, startServer, type TestServer } from '../../../helpers/serve-pages.js';
import { forbiddenConnector, loopbackConnector, tableResolver } from './loopback-deps.js';

const PUBLIC_IP = '93.184.216.34';
const PAGE = '<html><body><footer>京ICP备05004398号-1</footer></body></html>';
const OFF = PRIVATE_NETWORK_OFF;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function failure(promise: Promise<unknown>): Promise<FetchError | TargetError> {
  const error = await promise.then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError || error instanceof TargetError)) throw error;
  return error;
}

describe('addresses refused before any connection', () => {
  it.each([
    { target: '127.1', message: `127.0.0.1 is a loopback address; ${OFF}` },
    { target: '2130706433', message: `127.0.0.1 is a loopback address; ${OFF}` },
    { target: '0x7f.0.0.1', message: `127.0.0.1 is a loopback address; ${OFF}` },
    { target: '0177.0.0.1', message: `127.0.0.1 is a loopback address; ${OFF}` },
    { target: 'http://127.000.000.001:8080/', message: `127.0.0.1 is a loopback address; ${OFF}` },
    { target: '[::1]', message: `::1 is a loopback address; ${OFF}` },
    { target: '::1', message: `::1 is a loopback address; ${OFF}` },
    {
      target: '[::ffff:127.0.0.1]',
      message: `::ffff:7f00:1 is an IPv4-mapped address wrapping a loopback address; ${OFF}`,
    },
    {
      target: 'http://[::ffff:7f00:1]/',
      message: `::ffff:7f00:1 is an IPv4-mapped address wrapping a loopback address; ${OFF}`,
    },
    { target: '0.0.0.0', message: `0.0.0.0 is a "this network" address; ${OFF}` },
    { target: '10.0.0.1', message: `10.0.0.1 is a private address; ${OFF}` },
    { target: '172.16.5.4', message: `172.16.5.4 is a private address; ${OFF}` },
    { target: '192.168.1.1', message: `192.168.1.1 is a private address; ${OFF}` },
    {
      target: 'http://169.254.169.254/latest/meta-data/',
      message: `169.254.169.254 is a cloud metadata address; ${NEVER_ALLOWED}`,
    },
    { target: '100.64.0.1', message: `100.64.0.1 is a carrier-grade NAT (shared) address; ${OFF}` },
    { target: '198.18.0.1', message: `198.18.0.1 is a benchmarking address; ${OFF}` },
    { target: '224.0.0.1', message: `224.0.0.1 is a multicast address; ${OFF}` },
    { target: '255.255.255.255', message: `255.255.255.255 is the broadcast address; ${OFF}` },
    { target: '[fd12::1]', message: `fd12::1 is a unique local (private) address; ${OFF}` },
    { target: '[fe80::1]', message: `fe80::1 is a link-local address; ${NEVER_ALLOWED}` },
    { target: '[64:ff9b::a00:1]', message: `64:ff9b::a00:1 is a NAT64 address wrapping a private address; ${OFF}` },
    { target: '[2002:7f00:1::]', message: `2002:7f00:1:: is a 6to4 address wrapping a loopback address; ${OFF}` },
    { target: 'internal.example', message: `internal.example resolves to 10.0.0.5, a private address; ${OFF}` },
    { target: 'mixed.example', message: `mixed.example resolves to 10.0.0.5, a private address; ${OFF}` },
    { target: 'v6.example', message: `v6.example resolves to ::1, a loopback address; ${OFF}` },
    {
      target: 'mapped.example',
      message: `mapped.example resolves to ::ffff:10.1.2.3, an IPv4-mapped address wrapping a private address; ${OFF}`,
    },
  ])('refuses $target without connecting', async ({ target, message }) => {
    const resolve = tableResolver({
      'internal.example': '10.0.0.5',
      'mixed.example': [PUBLIC_IP, '10.0.0.5'],
      'v6.example': '::1',
      'mapped.example': '::ffff:10.1.2.3',
    });
    const connect = forbiddenConnector();
    const error = await failure(fetchHomepage(target, {}, { resolve, connect }));
    expect(error).toBeInstanceOf(TargetError);
    expect(error.code).toBe('refused-address');
    expect(error.message).toBe(message);
    expect(connect).not.toHaveBeenCalled();
    if (!target.includes('example')) expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses a redirect to a name that resolves to a private address, without dialling it', async () => {
    const server = await startServer(
      routes({ '/': { status: 302, headers: { location: 'http://internal.example/admin' }, body: '' } }),
    );
    servers.push(server);
    const resolve = tableResolver({ 'shop.example': PUBLIC_IP, 'internal.example': '10.0.0.5' });
    const connect = loopbackConnector(() => server.port);
    const error = await failure(fetchDocument(`http://shop.example:${server.port}/`, {}, { resolve, connect }));
    expect(error.code).toBe('refused-address');
    expect(error.message).toBe(`internal.example resolves to 10.0.0.5, a private address; ${OFF}`);
    expect(connect.mock.calls.map(([address]) => address.address)).toEqual([PUBLIC_IP]);
  });

  it('lets a person check their own staging site when private networks are allowed', async () => {
    const server = await startServer(routes({ '/': { body: PAGE } }));
    servers.push(server);
    const resolve = tableResolver({ 'staging.example': '10.0.0.5' });
    const connect = loopbackConnector(() => server.port);
    const page = await fetchHomepage('staging.example', { allowPrivateNetwork: true }, { resolve, connect });
    expect(page.html).toBe(PAGE);
    expect(connect.mock.calls.at(-1)?.[0]).toEqual({ address: '10.0.0.5', family: 4 });
  });
});

describe('DNS rebinding', () => {
  it('resolves a host once and connects only to the address it checked', async () => {
    const server = await startServer(
      routes({ '/': { status: 302, headers: { location: '/next' }, body: '' }, '/next': { body: PAGE } }),
    );
    servers.push(server);
    const answers = [PUBLIC_IP, '127.0.0.1'];
    let lookups = 0;
    const resolve: Resolver = async () => {
      const address = answers[Math.min(lookups++, answers.length - 1)] ?? '127.0.0.1';
      return [{ address, family: 4 } satisfies ResolvedAddress];
    };
    const connect = loopbackConnector(() => server.port);
    const page = await fetchHomepage(`rebind.example:${server.port}`, {}, { resolve, connect });
    expect(page.finalUrl).toBe(`http://rebind.example:${server.port}/next`);
    expect(lookups).toBe(1);
    // https attempt, http attempt, then the redirect: every dial went to the checked address.
    expect(connect.mock.calls.map(([address, port]) => `${address.address}:${port}`)).toEqual([
      `${PUBLIC_IP}:${server.port}`,
      `${PUBLIC_IP}:${server.port}`,
      `${PUBLIC_IP}:${server.port}`,
    ]);
  });
});

describe('targets refused before anything happens', () => {
  it.each([
    { target: 'http://admin:pw@shop.example/', code: 'credentials-in-url' },
    { target: 'ftp://shop.example/', code: 'unsupported-scheme' },
    { target: 'file:///etc/passwd', code: 'unsupported-scheme' },
  ])('refuses $target with $code', async ({ target, code }) => {
    const resolve = tableResolver({ 'shop.example': PUBLIC_IP });
    const connect = forbiddenConnector();
    const error = await failure(fetchHomepage(target, {}, { resolve, connect }));
    expect(error.code).toBe(code);
    expect(resolve).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses credentials in a document URL too', async () => {
    const error = await failure(
      fetchDocument('https://admin:pw@shop.example/frame.html', {}, { connect: forbiddenConnector() }),
    );
    expect(error.code).toBe('credentials-in-url');
    expect(error.message).toBe(
      'Cannot check "https://shop.example/frame.html": remove the user name and password from the URL.',
    );
  });
});

describe('a private-network grant reaches the target, not the network behind it', () => {
  const STAGING = '10.0.0.5';
  const names = {
    'staging.example': STAGING,
    'redis.example': '10.0.0.6',
    'db.internal': '10.20.0.7',
    'metadata.example': '169.254.169.254',
  };

  /** A staging site whose homepage redirects to `location`; every dial goes to it, and is recorded. */
  async function stagingRedirectingTo(location: string) {
    const server = await startServer(
      routes({ '/': { status: 302, headers: { location }, body: '' }, '/home': { body: PAGE } }),
    );
    servers.push(server);
    return { resolve: tableResolver(names), connect: loopbackConnector(() => server.port) };
  }

  const dialled = (connect: ReturnType<typeof loopbackConnector>) =>
    connect.mock.calls.map(([address, port]) => `${address.address}:${port}`);

  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['a name for the metadata address', 'http://metadata.example/', 'metadata.example resolves to 169.254.169.254,'],
    ['a link-local IPv6 address', 'http://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['Alibaba Cloud metadata', 'http://100.100.100.200/latest/meta-data/', '100.100.100.200 is a cloud metadata'],
    [
      'another internal host',
      'http://redis.example:6379/',
      'redis.example resolves to 10.0.0.6, a private address, on port 6379',
    ],
    [
      "the target's address on another port",
      'http://staging.example:6379/',
      'staging.example resolves to 10.0.0.5, a private address, on port 6379',
    ],
    ['loopback', 'http://127.0.0.1:8080/', '127.0.0.1 is a loopback address, on port 8080'],
  ])('refuses a redirect from the staging site to %s without dialling it', async (_, location, sentence) => {
    const { resolve, connect } = await stagingRedirectingTo(location);
    const error = await failure(
      fetchDocument('http://staging.example/', { allowPrivateNetwork: true }, { resolve, connect }),
    );
    expect(error.code).toBe('refused-address');
    expect(error.message).toContain(sentence);
    expect(dialled(connect)).toEqual([`${STAGING}:80`]);
  });

  it('refuses the metadata service by name without even looking it up', async () => {
    const resolve = tableResolver({ 'metadata.google.internal': '169.254.169.254' });
    const connect = forbiddenConnector();
    const error = await failure(
      fetchHomepage('metadata.google.internal', { allowPrivateNetwork: true }, { resolve, connect }),
    );
    expect(error.message).toBe(`metadata.google.internal is the name of a cloud metadata service; ${NEVER_ALLOWED}`);
    expect(resolve).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a metadata target even under the flag, without connecting', async () => {
    const connect = forbiddenConnector();
    const error = await failure(fetchHomepage('http://169.254.169.254/', { allowPrivateNetwork: true }, { connect }));
    expect(error.message).toBe(`169.254.169.254 is a cloud metadata address; ${NEVER_ALLOWED}`);
    expect(connect).not.toHaveBeenCalled();
  });

  it("follows a redirect on the target's own address to 443, and to a host the operator listed", async () => {
    const own = await stagingRedirectingTo('http://staging.example:443/home');
    const page = await fetchDocument('http://staging.example/', { allowPrivateNetwork: true }, own);
    expect(page.finalUrl).toBe('http://staging.example:443/home');
    const listed = await stagingRedirectingTo('http://db.internal:8443/home');
    const access = { target: true, allow: ['db.internal'] };
    expect((await fetchDocument('http://staging.example/', { allowPrivateNetwork: access }, listed)).html).toBe(PAGE);
    expect(dialled(listed.connect)).toEqual([`${STAGING}:80`, '10.20.0.7:8443']);
  });

  it('reaches a listed CIDR without the flag, and nothing else private', async () => {
    const { resolve, connect } = await stagingRedirectingTo('http://redis.example/');
    const access = { target: false, allow: ['10.0.0.5/32'] };
    const error = await failure(
      fetchDocument('http://staging.example/', { allowPrivateNetwork: access }, { resolve, connect }),
    );
    expect(error.message).toContain('redis.example resolves to 10.0.0.6, a private address, on port 80');
    expect(dialled(connect)).toEqual([`${STAGING}:80`]);
  });
});
