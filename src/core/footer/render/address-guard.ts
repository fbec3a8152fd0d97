import { isIP } from 'node:net';
import { createNetworkPolicy, type PrivateNetworkAccess } from '../fetch/address-policy.js';
import type { ResolvedAddress, Resolver } from '../fetch/types.js';

export type GuardVerdict =
  | { allowed: true; address: ResolvedAddress }
  | {
      allowed: false;
      /** The whole sentence, ready for a person. */
      reason: string;
      /** `dns`: the host has no address; `policy`: it has one the network policy refuses. */
      why: 'dns' | 'policy';
    };

/** Decides whether the browser may reach a host on a port; one DNS answer per host for the whole render. */
export interface AddressGuard {
  check(hostname: string, port: number): Promise<GuardVerdict>;
}

export interface AddressGuardOptions {
  /** Which non-public addresses may be reached (the target's own, listed ones); default none. */
  allowPrivateNetwork: PrivateNetworkAccess | undefined;
  /** The page being rendered: its host's addresses are the target's own. */
  target: URL;
  resolve: Resolver;
}

/**
 * Creates a guard that resolves each host once (so the address the proxy dials is the one that was
 * checked) and refuses a host when any of its addresses is outside the network policy.
 */
export function createAddressGuard(options: AddressGuardOptions): AddressGuard {
  const policy = createNetworkPolicy(options.allowPrivateNetwork, options.target);
  const lookups = new Map<string, Promise<ResolvedAddress[]>>();
  const decisions = new Map<string, Promise<GuardVerdict>>();
  const lookUp = (host: string) => {
    let answer = lookups.get(host);
    if (!answer) {
      const family = isIP(host);
      answer =
        family === 0 ? options.resolve(host) : Promise.resolve([{ address: host, family: family === 6 ? 6 : 4 }]);
      answer.catch(() => undefined);
      lookups.set(host, answer);
    }
    return answer;
  };
  const decide = async (host: string, port: number): Promise<GuardVerdict> => {
    const named = policy.nameRefusal(host);
    if (named) return refuse(named, 'policy');
    let addresses: ResolvedAddress[];
    try {
      addresses = await lookUp(host);
    } catch {
      return refuse(`${host} could not be looked up in DNS.`, 'dns');
    }
    const first = addresses[0];
    if (!first) return refuse(`${host} has no address records in DNS.`, 'dns');
    const own = await lookUp(policy.targetHost).then(
      (answers) => answers.map((a) => a.address),
      () => [],
    );
    for (const { address } of addresses) {
      const refusal = policy.refusal(host, address, port, own);
      if (refusal) return refuse(refusal, 'policy');
    }
    return { allowed: true, address: first };
  };
  return {
    check(hostname, port) {
      const host = stripBrackets(hostname.toLowerCase());
      const key = `${host} ${port}`;
      let decision = decisions.get(key);
      if (!decision) {
        decision = decide(host, port);
        decisions.set(key, decision);
      }
      return decision;
    },
  };
}

function refuse(reason: string, why: 'dns' | 'policy'): GuardVerdict {
  return { allowed: false, reason, why };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
