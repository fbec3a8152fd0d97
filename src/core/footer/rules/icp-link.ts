import type { LinkRef } from '../read/locate-number.js';
import type { Finding } from '../types.js';
import { MIIT_URL } from '../types.js';
import { finding, type IcpSighting, type RuleContext } from './context.js';
import { judgeMiitHref, type MiitLinkJudgement } from './judge-link.js';

const FIX = `link the number itself to ${MIIT_URL}`;

function judgeLink(link: LinkRef, pageUrl: string): MiitLinkJudgement | null {
  return link.href === null ? null : judgeMiitHref(link.href, pageUrl);
}

function isMiit(judgement: MiitLinkJudgement | null): boolean {
  return judgement !== null && judgement.status !== 'wrong';
}

function fromJudgement(number: string, judgement: MiitLinkJudgement): Finding[] {
  if (judgement.status === 'ok') return [];
  if (judgement.status === 'obsolete-path') {
    return [
      finding(
        'icp-link',
        'warning',
        `${number} links to the old MIIT query page /publish/query/indexFirst.action; link it to ${MIIT_URL}`,
      ),
    ];
  }
  return [finding('icp-link', 'error', `${number} links to ${judgement.what}; ${FIX}`)];
}

function splitFinding(sighting: IcpSighting, context: RuleContext): Finding[] {
  const judged = sighting.links.map((link) => ({ link, judgement: judgeLink(link, context.url) }));
  if (judged.every((j) => isMiit(j.judgement))) return [];
  const parts = judged.map((j) => `"${j.link.text}" → ${j.link.href ?? 'no href'}`).join(', ');
  return [
    finding(
      'icp-link',
      'error',
      `${sighting.match.number} is split across ${judged.length} links (${parts}); put the whole number in one link to ${MIIT_URL}`,
    ),
  ];
}

function scriptOnlyFinding(number: string, url: string, context: RuleContext): Finding[] {
  const judgement = judgeMiitHref(url, context.url);
  if (isMiit(judgement)) {
    return [
      finding(
        'icp-link',
        'warning',
        `${number} opens ${url} only through JavaScript (onclick), which checkers and some browsers do not follow; ` +
          `make it a real link: <a href="${MIIT_URL}">`,
      ),
    ];
  }
  return fromJudgement(number, judgement);
}

function unlinkedFindings(sighting: IcpSighting, context: RuleContext): Finding[] {
  const number = sighting.match.number;
  const onclick = sighting.onclickUrl ?? sighting.links.find((l) => l.onclickUrl !== null)?.onclickUrl ?? null;
  if (onclick !== null) return scriptOnlyFinding(number, onclick, context);
  const beside = sighting.nearbyLinks.find((link) => judgeLink(link, context.url)?.status === 'ok');
  if (beside !== undefined) {
    return [
      finding(
        'icp-link',
        'info',
        `a link to ${beside.href} sits right next to ${number} but not on it; put the link on the number itself`,
      ),
    ];
  }
  const anchor = sighting.links[0];
  const what = anchor === undefined ? 'is plain text, not a link' : 'is in an <a> without an href, so it is not a link';
  return [finding('icp-link', 'error', `${number} ${what}; ${FIX}`)];
}

/** `icp-link`: the number is a real hyperlink to beian.miit.gov.cn (or www.), any scheme, path or fragment. */
export function checkIcpLink(context: RuleContext): Finding[] {
  const sighting = context.icp;
  if (sighting === null) return [];
  const withHref = sighting.links.filter((link) => link.href !== null);
  if (sighting.links.length > 1) return splitFinding(sighting, context);
  const [link] = withHref;
  if (link === undefined) return unlinkedFindings(sighting, context);
  return fromJudgement(sighting.match.number, judgeMiitHref(link.href ?? '', context.url));
}
