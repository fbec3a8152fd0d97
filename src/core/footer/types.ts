import type { PrivateNetworkAccess } from './fetch/address-policy.js';

/** The MIIT filing system: where a footer's ICP number must link, and where anyone can look a number up. */
export const MIIT_URL = 'https://beian.miit.gov.cn/';

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'icp-number'
  | 'icp-link'
  | 'icp-site-number'
  | 'icp-position'
  | 'company-name'
  | 'psb-number'
  | 'psb-link'
  | 'expected-number'
  | 'page';

export type Verdict = 'pass' | 'warn' | 'fail' | 'inconclusive';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
}

export interface IcpNumber {
  /** Normalised, e.g. `京ICP备05004398号-1`. */
  number: string;
  kind: '备' | '证' | 'B2';
  /** The province character, e.g. `京`. */
  province: string;
  href: string | null;
}

export interface PublicSecurityNumber {
  /** Normalised, e.g. `京公网安备11010802044671号`. */
  number: string;
  /** The 14 digits. */
  code: string;
  href: string | null;
}

export interface RedirectHop {
  url: string;
  status: number;
}

/** The result of checking one target; also the `--json` line (one per target). */
export interface FooterReport {
  target: string;
  url: string | null;
  finalUrl: string | null;
  verdict: Verdict;
  icp: IcpNumber | null;
  publicSecurity: PublicSecurityNumber | null;
  findings: Finding[];
  /** Every hop followed before the final page (HTTP redirects and meta refreshes). */
  redirects: RedirectHop[];
  /** Other ICP / public-security numbers seen on the page (template leftovers, sister sites). */
  otherNumbers: string[];
  /** How many more distinct numbers the page shows beyond `otherNumbers`, which names at most 20. */
  moreNumbers?: number;
  /** True when the verdict was reached on the browser-rendered page. */
  rendered: boolean;
  /** When the page was never reached: the fetch error's code (`dns`, `unreachable`, `timeout`…); not in `--json`. */
  failure?: string;
  /** The footer picture, when asked for (`screenshot` with `render`) and taken; never in the `--json` line. */
  screenshot?: FooterScreenshot;
}

/** A JPEG of the footer region with the ICP number (and its MIIT link) outlined; bounded in size. */
export interface FooterScreenshot {
  type: 'jpeg';
  bytes: Uint8Array;
  /** CSS pixels. */
  width: number;
  height: number;
  /** Where on the page the picture was clipped (document coordinates, CSS pixels). */
  region: { x: number; y: number; width: number; height: number };
  /** Which of the two were found and outlined. */
  outlined: { icp: boolean; link: boolean };
}

/** What a caller may ask of a check. */
export interface CheckOptions {
  /** Lift the non-public-address rule for the target's own addresses and listed ones (own staging sites). */
  allowPrivateNetwork?: PrivateNetworkAccess;
  /** Overall time limit for one target, in milliseconds. */
  timeoutMs?: number;
  /** Cap on bytes read from one response; a page over it is `inconclusive`. */
  maxBytes?: number;
  /** The number on record, e.g. `京ICP备05004398号-1`. */
  expect?: string;
  /** Judge the page rendered in headless Chromium. */
  render?: boolean;
  /** With `render`: also take a picture of the footer region (see FooterScreenshot). */
  screenshot?: boolean;
}

/** Verdict from findings, as FOOTER-RULES.md says (a page that could not be checked is never `fail`). */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.rule === 'page' && f.severity === 'error')) return 'inconclusive';
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}
