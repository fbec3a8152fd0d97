import type { FooterReport } from './types.js';

// Failures that may pass on their own: a resolver that did not answer, a refused or reset connection, a time
// limit. A bad target, a blocked address or an HTTP error is an answer, and asking again gets the same one.
const NETWORK_FAILURES: ReadonlySet<string> = new Set(['dns', 'unreachable', 'timeout']);

/** True when the check never reached the page for a network reason worth retrying later (not a verdict). */
export function isNetworkFailure(report: Pick<FooterReport, 'failure'>): boolean {
  return report.failure !== undefined && NETWORK_FAILURES.has(report.failure);
}
