import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from '../fetch/address-policy.js';
import type { ResolvedAddress, Resolver } from '../fetch/types.js';

export type GuardVerdict = { allowed: true; address: ResolvedAddress } | { allowed: false; reason: string };

/** Decides, per host name, whether the browser may reach it; one decision per host for the whole render. */
export interface AddressGuard {
  check(hostname: string): Promise<GuardVerdict>;
}

/** The resolver the fetch layer uses by default: every address the system resolver knows. */
export const resolveWithSystem: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Creates a guard that resolves each host once (so the address the proxy dials is the one that was
 * checked) and refuses hosts with any non-public address unless private networks are allowed.
 */
export function createAddressGuard(options: { allowPrivateNetwork: boolean; resolve: Resolver }): AddressGuard {
  const decisions = new Map<string, Promise<GuardVerdict>>();
  return {
    check(hostname) {
      const host = stripBrackets(hostname.toLowerCase());
      let decision = decisions.get(host);
      if (!decision) {
        decision = decide(host, options);
        decisions.set(host, decision);
      }
      return decision;
    },
  };
}

async function decide(host: string, options: { allowPrivateNetwork: boolean; resolve: Resolver }) {
  let addresses: ResolvedAddress[];
  try {
    const family = isIP(host);
    addresses = family === 0 ? await options.resolve(host) : [{ address: host, family: family === 6 ? 6 : 4 }];
  } catch {
    return refuse(`${host} did not resolve`);
  }
  const first = addresses[0];
  if (!first) return refuse(`${host} did not resolve`);
  if (!options.allowPrivateNetwork) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind.public) continue;
      const what = address === host ? host : `${host} resolves to ${address}, which`;
      return refuse(`${what} is not a public address (${kind.reason})`);
    }
  }
  return { allowed: true, address: first } as const;
}

function refuse(reason: string): GuardVerdict {
  return { allowed: false, reason };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
