import type { FooterReport } from './types.js';

/**
 * The report of a check that threw instead of returning one (a bug, or a dependency failing in a way the checker does
 * not know): inconclusive, with one `page` error saying why, so the caller shows it and goes on to the next target.
 */
export function unfinishedReport(target: string, error: unknown): FooterReport {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    target,
    url: null,
    finalUrl: null,
    verdict: 'inconclusive',
    icp: null,
    publicSecurity: null,
    findings: [{ rule: 'page', severity: 'error', message: `The check could not finish: ${detail}` }],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  };
}
