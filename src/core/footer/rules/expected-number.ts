import { type IcpMatch, isGuangdong, parseNumber } from '../numbers.js';
import type { Finding } from '../types.js';
import { finding, isIcpSighting, type RuleContext } from './context.js';

function sameFiling(shown: IcpMatch, expected: IcpMatch): boolean {
  if (shown.kind !== expected.kind || shown.province !== expected.province || shown.serial !== expected.serial) {
    return false;
  }
  // Guangdong footers show the entity number; elsewhere the website suffix has to match too.
  if (expected.site === null || (isGuangdong(expected) && shown.site === null)) return true;
  return shown.site === expected.site;
}

/** `expected-number`: the page shows the number on record (serial always; `-N` outside Guangdong). */
export function checkExpectedNumber(context: RuleContext): Finding[] {
  if (context.expect === undefined) return [];
  const expected = parseNumber(context.expect);
  if (expected === null || expected.type !== 'icp') {
    return [
      finding(
        'expected-number',
        'error',
        `the expected number "${context.expect}" is not an ICP number we can read; give it as 京ICP备05004398号-1`,
      ),
    ];
  }
  const shown = context.icp?.match;
  if (shown === undefined) {
    return [finding('expected-number', 'error', `the page shows no ICP number; the record is ${expected.number}`)];
  }
  if (sameFiling(shown, expected)) return [];
  const elsewhere = context.sightings.filter(isIcpSighting).find((s) => sameFiling(s.match, expected));
  const note =
    elsewhere === undefined ? '' : ` (${expected.number} appears elsewhere on the page, not as the filing line)`;
  return [
    finding(
      'expected-number',
      'error',
      `the page shows ${shown.number} but the record is ${expected.number}${note}; show the number on record`,
    ),
  ];
}
