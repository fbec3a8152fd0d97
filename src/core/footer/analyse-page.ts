import { type NumberMatch, numbersIn } from './numbers.js';
import { locateNumber, type NumberSighting } from './read/locate-number.js';
import type { Block, PageModel } from './read/page-model.js';
import { readPage } from './read/read-page.js';
import { checkCompanyName } from './rules/company-name.js';
import { finding, type IcpSighting, type PsbSighting, type Rule, type RuleContext } from './rules/context.js';
import { checkExpectedNumber } from './rules/expected-number.js';
import { checkIcpLink } from './rules/icp-link.js';
import { checkIcpNumber } from './rules/icp-number.js';
import { checkIcpPosition } from './rules/icp-position.js';
import { checkIcpSiteNumber } from './rules/icp-site-number.js';
import { challengeOf, checkPage, cutFindings } from './rules/page.js';
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

/**
 * Numbers looked at closely (links, position, badge): the first `FIRST_SIGHTINGS` and the last
 * `LAST_SIGHTINGS` on the page. A footer shows one to three and a page listing sister sites a few
 * dozen; the footer is at the end, so the last ones are kept, and the first keep a number in the header.
 * Beyond that, numbers are only counted: 5,000 of them took 30 s to look at one by one.
 */
export const FIRST_SIGHTINGS = 200;
/** See `FIRST_SIGHTINGS`. */
export const LAST_SIGHTINGS = 200;
/** Other numbers named in the report; the rest are counted ("… and 4980 more numbers"). */
export const OTHERS_SHOWN = 20;

interface Seen {
  sightings: NumberSighting[];
  /** Every distinct number on the page, in order of first appearance. */
  numbers: Set<string>;
}

function sightingsOf(model: PageModel): Seen {
  const first: NumberSighting[] = [];
  const last: { block: Block; match: NumberMatch }[] = [];
  const numbers = new Set<string>();
  for (const block of model.blocks) {
    for (const match of numbersIn(block.text)) {
      numbers.add(match.number);
      if (first.length < FIRST_SIGHTINGS) first.push(locateNumber(model, block, match));
      else {
        last.push({ block, match });
        // Trimmed in halves so keeping the last ones costs a constant per number.
        if (last.length >= LAST_SIGHTINGS * 2) last.splice(0, last.length - LAST_SIGHTINGS);
      }
    }
  }
  const kept = last.slice(-LAST_SIGHTINGS).map(({ block, match }) => locateNumber(model, block, match));
  return { sightings: [...first, ...kept], numbers };
}

function othersFinding(others: string[], more: number, judged: string | undefined): Finding[] {
  if (others.length === 0) return [];
  const which = judged === undefined ? '' : `; the check judged ${judged}`;
  const rest = more === 0 ? '' : ` and ${more} more numbers`;
  return [finding('icp-number', 'info', `the page also shows ${others.join(', ')}${rest}${which}`)];
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

/** What reading a page tells a caller besides the judgement: the frames to look into, a challenge page. */
export interface PageExamination {
  analysis: PageAnalysis;
  /** `src` of every frame, in document order. */
  frames: string[];
  /** The page is built from frames (a `<frameset>`). */
  frameset: boolean;
  /** The anti-bot challenge the page is (`a Cloudflare challenge page` …), or null. */
  challenge: string | null;
}

/**
 * The port page analysis goes through: judges one page somewhere (in a worker thread in the bot, see
 * analyse/analyse-pool.ts) and gives up once `deadline` (epoch ms) passes, where it can.
 */
export type PageAnalyser = (input: AnalyseInput, options: AnalyseOptions, deadline: number) => Promise<PageExamination>;

/** `PageAnalyser` in this thread, for tests and one-off use: it cannot be stopped at the deadline. */
export const analyseInThread: PageAnalyser = async (input, options) => examinePage(input, options);

/** Reads one HTML page and judges its footer against every rule; pure, no I/O. */
export function analysePage(input: AnalyseInput, options: AnalyseOptions = {}): PageAnalysis {
  return examinePage(input, options).analysis;
}

/** `analysePage` with what the caller needs to go on: frames to fetch, whether it is a challenge page. */
export function examinePage(input: AnalyseInput, options: AnalyseOptions = {}): PageExamination {
  const model = readPage(input.html);
  return {
    analysis: analyseModel(model, input, options),
    frames: model.frames,
    frameset: model.frameset,
    challenge: challengeOf(input.html, model),
  };
}

function analyseModel(model: PageModel, input: AnalyseInput, options: AnalyseOptions = {}): PageAnalysis {
  const rendered = input.rendered ?? false;
  const { sightings, numbers } = sightingsOf(model);
  const { icp, psb } = selectNumbers(sightings, input.url);
  const pageFindings = icp === null ? checkPage(input.html, model, rendered) : [];
  if (pageFindings.length > 0) return unjudged(pageFindings);
  const context: RuleContext = { model, url: input.url, rendered, sightings, icp, psb, expect: options.expect };
  const chosen = new Set([icp?.match.number, psb?.match.number]);
  const others = [...numbers].filter((n) => !chosen.has(n));
  const shown = others.slice(0, OTHERS_SHOWN);
  const findings = [
    ...RULES.flatMap((rule) => rule(context)),
    ...othersFinding(shown, others.length - shown.length, icp?.match.number),
    ...cutFindings(model, input.html),
  ];
  return {
    verdict: verdictOf(findings),
    icp: icpOf(icp),
    publicSecurity: psbOf(psb),
    findings,
    otherNumbers: shown,
    ...(others.length > shown.length ? { moreNumbers: others.length - shown.length } : {}),
  };
}
