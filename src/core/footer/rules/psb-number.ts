import { getElementsByTagName } from 'domutils';
import { PSB_PROVINCE_CODES } from '../numbers.js';
import type { Finding } from '../types.js';
import { finding, isIcpSighting, type PsbSighting, type RuleContext } from './context.js';
import { hiddenNumberPlaces } from './hidden-numbers.js';
import { psbPlatformOf } from './judge-link.js';

const POLICE_HOST = /(?:^|\.)(?:beian\.gov\.cn|beian\.mps\.gov\.cn|mps\.gov\.cn)$/i;

function policeLinkHint(context: RuleContext): string {
  const misplaced = context.sightings.find(
    (s) => isIcpSighting(s) && s.links.some((l) => l.href !== null && psbPlatformOf(l.href, context.url) !== null),
  );
  if (misplaced !== undefined) {
    return ` (the public-security link shows the ICP number ${misplaced.match.number} instead)`;
  }
  for (const anchor of linksIn(context)) {
    try {
      if (POLICE_HOST.test(new URL(anchor, context.url).hostname)) {
        return ` (there is a police link to ${anchor}, but no number with it)`;
      }
    } catch {
      // An unparseable href is no police link.
    }
  }
  const hidden = hiddenNumberPlaces(context.model, 'psb');
  return hidden === null ? '' : ` (${hidden.number} appears only in ${hidden.places.join(' and ')})`;
}

function linksIn(context: RuleContext): string[] {
  return getElementsByTagName('a', context.model.document, true).flatMap((a) =>
    a.attribs.href === undefined ? [] : [a.attribs.href.trim()],
  );
}

function deviationFindings(sighting: PsbSighting): Finding[] {
  const m = sighting.match;
  const found: Finding[] = [];
  const warn = (message: string) => found.push(finding('psb-number', 'warning', message));
  if (m.deviations.includes('wrong-word')) warn(`"${m.text}" is not written 公网安备; the number reads ${m.number}`);
  if (m.deviations.includes('code-length')) {
    warn(`the public-security code ${m.code} has ${m.code.length} digits, not 14; check it against the record`);
  }
  if (m.deviations.includes('missing-hao')) warn(`"${m.text}" lacks 号 at the end; write ${m.number}`);
  if (m.deviations.includes('unknown-code')) {
    warn(`the public-security code ${m.code} starts with ${m.code.slice(0, 2)}, which is no province code`);
  }
  if (m.deviations.includes('province-mismatch')) {
    const owner = PSB_PROVINCE_CODES[m.code.slice(0, 2)] ?? '?';
    warn(`${m.number} starts with "${m.province}" but code ${m.code.slice(0, 2)} is ${owner[0]}; check the number`);
  }
  if (m.deviations.includes('spaces')) {
    found.push(finding('psb-number', 'info', `"${m.text}" has spaces inside; it reads as ${m.number}`));
  }
  return found;
}

/** `psb-number`: a public-security filing number is shown and well formed. */
export function checkPsbNumber(context: RuleContext): Finding[] {
  const sighting = context.psb;
  if (sighting === null) {
    return [
      finding(
        'psb-number',
        'warning',
        `no public-security filing number (like 京公网安备11010802044671号) is shown${policeLinkHint(context)}; ` +
          'show it beside the ICP number with the platform badge (file the site at beian.mps.gov.cn first if it has no number)',
      ),
    ];
  }
  return deviationFindings(sighting);
}
