import type { IcpMatch, PsbMatch } from '../numbers.js';
import type { NumberSighting } from '../read/locate-number.js';
import type { PageModel } from '../read/page-model.js';
import type { Finding, RuleId, Severity } from '../types.js';

export type IcpSighting = NumberSighting & { match: IcpMatch };
export type PsbSighting = NumberSighting & { match: PsbMatch };

/** Everything a rule may look at; rules are pure functions of it. */
export interface RuleContext {
  model: PageModel;
  /** The page's URL, to resolve relative links the way a browser would. */
  url: string;
  rendered: boolean;
  sightings: NumberSighting[];
  /** The ICP number judged (the footer one linked to MIIT, or the best candidate). */
  icp: IcpSighting | null;
  psb: PsbSighting | null;
  /** The number on record, when the caller gave one. */
  expect: string | undefined;
}

export type Rule = (context: RuleContext) => Finding[];

/** The site's MIIT link target, as hosting providers ask for it. */

/** Builds a finding. */
export function finding(rule: RuleId, severity: Severity, message: string): Finding {
  return { rule, severity, message };
}

/** Narrows a sighting to an ICP number. */
export function isIcpSighting(sighting: NumberSighting): sighting is IcpSighting {
  return sighting.match.type === 'icp';
}

/** Narrows a sighting to a public-security number. */
export function isPsbSighting(sighting: NumberSighting): sighting is PsbSighting {
  return sighting.match.type === 'psb';
}
