import { findNumbers } from './numbers.js';
import { locateNumber, type NumberSighting } from './read/locate-number.js';
import type { PageModel } from './read/page-model.js';
import { readPage } from './read/read-page.js';
import { checkCompanyName } from './rules/company-name.js';
import { finding, type IcpSighting, type PsbSighting, type Rule, type RuleContext } from './rules/context.js';
import { checkExpectedNumber } from './rules/expected-number.js';
import { checkIcpLink } from './rules/icp-link.js';
import { checkIcpNumber } from './rules/icp-number.js';
import { checkIcpPosition } from './rules/icp-position.js';
import { checkIcpSiteNumber } from './rules/icp-site-number.js';
import { checkPage } from './rules/page.js';
import { checkPsbLink } from './rules/psb-link.js';
import { checkPsbNumber } from './rules/psb-number.js';
import { selectNumbers } from './rules/select-numbers.js';
import { type Finding, type FooterReport, type IcpNumber, type PublicSecurityNumber, verdictOf } from './types.js';

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

function hrefOf(sighting: NumberSighting): string | null {
  return sighting.links.find((l) => l.href !== null)?.href ?? null;
}

function icpOf(sighting: IcpSighting | null): IcpNumber | null {
  if (sighting === null) return null;
  const { number, kind, province } = sighting.match;
  return { number, kind, province, href: hrefOf(sighting) };
}

function psbOf(sighting: PsbSighting | null): PublicSecurityNumber | null {
  if (sighting === null) return null;
  return { number: sighting.match.number, code: sighting.match.code, href: hrefOf(sighting) };
}

function unjudged(findings: Finding[]): PageAnalysis {
  return { verdict: verdictOf(findings), icp: null, publicSecurity: null, findings, otherNumbers: [] };
}

/** Reads one HTML page and judges its footer against every rule; pure, no I/O. */
export function analysePage(input: AnalyseInput, options: AnalyseOptions = {}): PageAnalysis {
  return analyseModel(readPage(input.html), input, options);
}

/** `analysePage` for a page already read, so a caller that needs the model too parses the HTML once. */
export function analyseModel(model: PageModel, input: AnalyseInput, options: AnalyseOptions = {}): PageAnalysis {
  const rendered = input.rendered ?? false;
  const sightings = sightingsOf(model);
  const { icp, psb, others } = selectNumbers(sightings, input.url);
  const pageFindings = icp === null ? checkPage(input.html, model, rendered) : [];
  if (pageFindings.length > 0) return unjudged(pageFindings);
  const context: RuleContext = { model, url: input.url, rendered, sightings, icp, psb, expect: options.expect };
  const findings = [...RULES.flatMap((rule) => rule(context)), ...othersFinding(others, icp?.match.number)];
  return { verdict: verdictOf(findings), icp: icpOf(icp), publicSecurity: psbOf(psb), findings, otherNumbers: others };
}
