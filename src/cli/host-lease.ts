import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CheckDeps } from '../core/footer/check-footer.js';
import { hostOf } from '../core/footer/fetch/target.js';
import type { CheckOptions, FooterReport } from '../core/footer/types.js';
import type { QueueStore } from '../store/ports.js';
import { checkTarget, GRACE_MS } from './check-target.js';

/** The database's per-host leases, shared by queue workers and watch schedulers on every machine. */
export type HostLeases = Pick<QueueStore, 'leaseHost' | 'releaseHost'>;

/**
 * Runs `check` while holding `target`'s host: one check at a time per host, each starting at least `intervalMs` after
 * the last one ended, across every process sharing the database. The lease is held at most `holdMs`, so a dead process frees it.
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
    await leases.releaseHost(host, holder, limits.intervalMs);
  }
}

/**
 * checkTarget under `target`'s host lease, as queue workers and watch schedulers run it. The lease is held past the
 * check's own limit and its grace period, so a dead process's lease lapses and the host is freed.
 */
export async function checkTargetPolitely(
  leases: HostLeases,
  target: string,
  options: CheckOptions,
  deps: CheckDeps,
  intervalMs: number,
): Promise<FooterReport> {
  // Loaded before the host is taken, so a process's first check does not hold the host while loading the fetch stack.
  await import('../core/footer/check-footer.js');
  const limits = { holdMs: (options.timeoutMs ?? 0) + 2 * GRACE_MS, intervalMs };
  return withHostLease(leases, target, limits, () => checkTarget(target, options, deps));
}
