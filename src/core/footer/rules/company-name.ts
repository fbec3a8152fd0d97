import { findOrganisation } from '../read/find-organisation.js';
import type { Finding } from '../types.js';
import { finding, type RuleContext } from './context.js';

/** `company-name`: the organisation's (or person's) name stands next to the number. */
export function checkCompanyName(context: RuleContext): Finding[] {
  const sighting = context.icp;
  if (sighting === null) return [];
  const name = findOrganisation(context.model, sighting.block, sighting.position.container);
  if (name !== null) return [];
  return [
    finding(
      'company-name',
      'warning',
      `no organisation name stands next to ${sighting.match.number}; show the filing entity's name beside it ` +
        '(e.g. "© 2024 北京某某科技有限公司")',
    ),
  ];
}
