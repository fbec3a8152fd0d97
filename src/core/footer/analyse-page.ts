import { findNumbers } from './numbers.js';
import { locateNumber, type NumberSighting } from './read/locate-number.js';
import type { PageModel } from './read/page-model.js';
import { readPage } from './read/read-page.js';
import { checkCompanyName } from './rules/company-name.js';
import { finding, type Rule, type RuleContext } from './rules/context.js';
import { checkExpectedNumber } from './rules/expected-number.js';
import { checkIcpLink } from './rules/icp-link.js';
import { checkIcpNumber } from './rules/icp-number.js';
import { checkIcpPosition } from './rules/icp-position.js';
import { checkIcpSiteNumber } from './rules/icp-site-number.js';
import { checkPage } from './rules/page.js';
import { checkPsbLink } from './rules/psb-link.js';
import { checkPsbNumber } from './rules/psb-number.js';
import { selectNumbers } from './rules/select-numbers.js';
import { type Finding, type FooterReport, verdictOf } from './types.js';

/** What `analysePage` returns: the report without the fetch facts. */
export type PageAnalysis = Omit<FooterReport, 'target' | 'url' | 'finalUrl' | 'redirects' | 'rendered'>;

export interface AnalyseInput {
  html: string;
  /** The page's URL, to resolve relative links as a browser would. */
  url: string;
  /** True when the HTML was serialised by the renderer (with its layout annotations). */
  rendered?: boolean;
}

export interface AnalyseOptions {
  /** The number on record, e.g. `京ICP备05004398号-1`. */
  expect?: string;
}

/** The rules, in the order their findings are reported. */
const RULES: readonly Rule[] = [
  checkIcpNumber,
  checkIcpLink,
  checkIcpSiteNumber,
  checkIcpPosition,
  checkCompanyName,
  checkPsbNumber,
  checkPsbLink,
  checkExpectedNumber,
];

function sightingsOf(model: PageModel): NumberSighting[] {
  return model.blocks.flatMap((block) => findNumbers(block.text).map((m) => locateNumber(model, block, m)));
}

function othersFinding(others: string[], judged: string | undefined): Finding[] {
  if (others.length === 0) return [];
  const which = judged === undefined ? '' : `; the check judged ${judged}`;
  return [finding('icp-number', 'info', `the page also shows ${others.join(', ')}${which}`)];
}

/** Reads one HTML page and judges its footer against every rule; pure, no I/O. */
export function analysePage(input: AnalyseInput, options: AnalyseOptions = {}): PageAnalysis {
  const model = readPage(input.html);
  const rendered = input.rendered ?? false;
  const sightings = sightingsOf(model);
  const selected = selectNumbers(sightings, input.url);
  const pageFindings = selected.icp === null ? checkPage(input.html, model, rendered) : [];
  if (pageFindings.length > 0) {
    return {
      verdict: verdictOf(pageFindings),
      icp: null,
      publicSecurity: null,
      findings: pageFindings,
      otherNumbers: [],
    };
  }
  const context: RuleContext = {
    model,
    url: input.url,
    rendered,
    sightings,
    icp: selected.icp,
    psb: selected.psb,
    expect: options.expect,
  };
  const findings = [
    ...RULES.flatMap((rule) => rule(context)),
    ...othersFinding(selected.others, selected.icp?.match.number),
  ];
  const icp = selected.icp;
  const psb = selected.psb;
  return {
    verdict: verdictOf(findings),
    icp:
      icp === null
        ? null
        : {
            number: icp.match.number,
            kind: icp.match.kind,
            province: icp.match.province,
            href: icp.links.find((l) => l.href !== null)?.href ?? null,
          },
    publicSecurity:
      psb === null
        ? null
        : {
            number: psb.match.number,
            code: psb.match.code,
            href: psb.links.find((l) => l.href !== null)?.href ?? null,
          },
    findings,
    otherNumbers: selected.others,
  };
}
