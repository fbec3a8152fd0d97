import type { LinkRef } from '../read/locate-number.js';
import type { Finding } from '../types.js';
import { finding, type PsbSighting, type RuleContext } from './context.js';
import { psbCodeInHref, psbPlatformOf } from './judge-link.js';

function recordUrl(code: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}

function judgeHref(number: string, code: string, href: string, context: RuleContext): Finding[] {
  const fix = `link it to ${recordUrl(code)}`;
  const platform = psbPlatformOf(href, context.url);
  if (platform === null) {
    const what = href === '' || href.startsWith('#') ? `"${href}", which goes nowhere` : href;
    return [finding('psb-link', 'warning', `${number} links to ${what}, not the public-security platform; ${fix}`)];
  }
  const linked = psbCodeInHref(href);
  if (linked === null) {
    return [finding('psb-link', 'warning', `${number} links to ${href} without its code; ${fix}`)];
  }
  if (linked !== code) {
    return [finding('psb-link', 'warning', `${number} links to the record of code ${linked}, not ${code}; ${fix}`)];
  }
  if (platform === 'legacy') {
    return [
      finding(
        'psb-link',
        'info',
        `${number} uses the legacy platform link (www.beian.gov.cn); the current one is ${recordUrl(code)}`,
      ),
    ];
  }
  return [];
}

function linkFindings(sighting: PsbSighting, context: RuleContext): Finding[] {
  const { number, code } = sighting.match;
  const link: LinkRef | undefined = sighting.links.find((l) => l.href !== null);
  if (link?.href != null) return judgeHref(number, code, link.href, context);
  const onclick = sighting.onclickUrl ?? sighting.links.find((l) => l.onclickUrl !== null)?.onclickUrl ?? null;
  if (onclick !== null) {
    return [
      finding(
        'psb-link',
        'warning',
        `${number} opens ${onclick} only through JavaScript (onclick); make it a real link to ${recordUrl(code)}`,
      ),
    ];
  }
  const beside = sighting.nearbyLinks.find((l) => l.href !== null && psbPlatformOf(l.href, context.url) !== null);
  if (beside?.href != null) return judgeHref(number, code, beside.href, context);
  return [finding('psb-link', 'warning', `${number} is not a link; link it to ${recordUrl(code)}`)];
}

/** `psb-link`: the public-security number links to the platform's record with the same code, badge beside it. */
export function checkPsbLink(context: RuleContext): Finding[] {
  const sighting = context.psb;
  if (sighting === null) return [];
  const found = linkFindings(sighting, context);
  if (!sighting.hasImageBeside) {
    found.push(
      finding(
        'psb-link',
        'warning',
        `no public-security badge image stands beside ${sighting.match.number}; the platform asks for its badge icon next to the number`,
      ),
    );
  }
  return found;
}
