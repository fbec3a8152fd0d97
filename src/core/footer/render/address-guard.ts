import { isIP } from 'node:net';
import { classifyAddress } from '../fetch/address-policy.js';
import type { ResolvedAddress, Resolver } from '../fetch/types.js';

export type GuardVerdict =
  | { allowed: true; address: ResolvedAddress }
  | {
      allowed: false;
      reason: string;
      /** `dns`: the host has no address; `policy`: it has a non-public one. */
      why: 'dns' | 'policy';
    };

/** Decides, per host name, whether the browser may reach it; one decision per host for the whole render. */
export interface AddressGuard {
  check(hostname: string): Promise<GuardVerdict>;
}

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
    return refuse(`${host} could not be looked up in DNS`, 'dns');
  }
  const first = addresses[0];
  if (!first) return refuse(`${host} has no address records in DNS`, 'dns');
  if (!options.allowPrivateNetwork) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind.public) continue;
      const where = address === host ? `${host} is` : `${host} resolves to ${address},`;
      return refuse(`${where} ${kind.reason}`, 'policy');
    }
  }
  return { allowed: true, address: first } as const;
}

function refuse(reason: string, why: 'dns' | 'policy'): GuardVerdict {
  return { allowed: false, reason, why };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
