import { connect, type Socket } from 'node:net';
import { vi } from 'vitest';
import type { Connector, ResolvedAddress, Resolver } from '../../../../src/core/footer/fetch/types.js';

/**
 * A connector that records the (checked) address it was asked for but always dials 127.0.0.1 at the
 * given port, so tests can use public-looking addresses while nothing leaves the machine.
 */
export function loopbackConnector(portFor: (port: number) => number = (port) => port) {
  return vi.fn<Connector>(
    (_address: ResolvedAddress, port: number): Socket => connect({ host: '127.0.0.1', port: portFor(port) }),
  );
}

/** A connector that must never be called: it fails the test if it is. */
export function forbiddenConnector() {
  return vi.fn<Connector>(() => {
    throw new Error('the connector must not be called for a refused address');
  });
}

/** A resolver answering from a table (host → addresses); unknown hosts fail like ENOTFOUND. */
export function tableResolver(table: Record<string, string | string[]>) {
  return vi.fn<Resolver>(async (hostname: string) => {
    const entry = table[hostname];
    if (entry === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = Array.isArray(entry) ? entry : [entry];
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as ResolvedAddress);
  });
}
