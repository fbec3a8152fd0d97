import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { hostOf } from '../core/footer/fetch/target.js';
import type { FooterReport } from '../core/footer/types.js';
import type { QueueStore } from '../store/ports.js';

/** The database's per-host leases, shared by queue workers and watch schedulers on every machine. */
export type HostLeases = Pick<QueueStore, 'leaseHost' | 'releaseHost'>;

/**
 * Runs `check` while holding `target`'s host: one check at a time per host, starts at least `intervalMs` apart,
 * across every process sharing the database. The lease is held at most `holdMs`, so a dead process frees it.
 */
export async function withHostLease(
  leases: HostLeases,
  target: string,
  limits: { holdMs: number; intervalMs: number },
  check: () => Promise<FooterReport>,
): Promise<FooterReport> {
  const host = hostOf(target);
  // A target that cannot be parsed makes no request: checkFooter reports why without a lease.
  if (host === null) return check();
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  for (let wait = await leases.leaseHost(host, holder, limits); wait > 0; ) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = await leases.leaseHost(host, holder, limits);
  }
  try {
    return await check();
  } finally {
    await leases.releaseHost(host, holder);
  }
}

export { hostOf };
