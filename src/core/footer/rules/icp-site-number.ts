import { isGuangdong } from '../numbers.js';
import type { Finding } from '../types.js';
import { finding, type RuleContext } from './context.js';

/** `icp-site-number`: a website number (`-N`) outside Guangdong, and not an App / mini-program number. */
export function checkIcpSiteNumber(context: RuleContext): Finding[] {
  const m = context.icp?.match;
  if (m === undefined || m.kind !== '备' || m.placeholder) return [];
  if (m.provinceStatus === 'vanity' || m.provinceStatus === 'missing') return [];
  if (m.app) {
    const base = m.number.replace(/-[^-]+$/, '');
    return [
      finding(
        'icp-site-number',
        'warning',
        `${m.number} is an App or mini-program number (a letter after -${m.site?.replace(/[A-Z]$/, '')}); ` +
          `the website footer shows the website's own number, ${base}-N`,
      ),
    ];
  }
  if (m.site === null && !isGuangdong(m)) {
    return [
      finding(
        'icp-site-number',
        'warning',
        `${m.number} is the entity number; outside Guangdong the footer shows this website's number with its -N ` +
          `suffix from the MIIT record (e.g. ${m.number}-1)`,
      ),
    ];
  }
  return [];
}
