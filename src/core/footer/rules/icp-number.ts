import { INVISIBLE_CHARACTERS } from '../../text/normalise.js';
import type { IcpMatch } from '../numbers.js';
import type { Finding } from '../types.js';
import { MIIT_URL } from '../types.js';
import { finding, type IcpSighting, type RuleContext } from './context.js';
import { hiddenNumberPlaces } from './hidden-numbers.js';
import { linksToMiit } from './judge-link.js';

function missingFinding(context: RuleContext): Finding {
  const hidden = hiddenNumberPlaces(context.model, 'icp');
  if (hidden !== null) {
    return finding(
      'icp-number',
      'error',
      `${hidden.number} appears only in ${hidden.places.join(' and ')}, which visitors do not see; ` +
        `show it as visible text at the bottom of the homepage, linked to ${MIIT_URL}`,
    );
  }
  const frames = context.model.frames.length > 0 ? ' (the page is built from frames)' : '';
  return finding(
    'icp-number',
    'error',
    `no ICP filing number (like 京ICP备05004398号-1) is shown on the homepage${frames}; ` +
      `show it at the bottom of the page, linked to ${MIIT_URL}`,
  );
}

function formFindings(m: IcpMatch): Finding[] {
  if (m.provinceStatus === 'vanity') {
    return [
      finding(
        'icp-number',
        'error',
        `${m.number} is from a vanity registry ("${m.province}ICP备"), not an MIIT filing; ` +
          'show the number MIIT issued (province + ICP备 + serial + 号)',
      ),
    ];
  }
  if (m.placeholder) {
    return [finding('icp-number', 'error', `${m.text} is a template placeholder; put the site's real filing number`)];
  }
  if (m.provinceStatus === 'missing') {
    return [
      finding(
        'icp-number',
        'error',
        `${m.text} has no province character; the number starts with it (e.g. 京ICP备${m.serial}号)`,
      ),
    ];
  }
  return [];
}

function deviationFindings(m: IcpMatch): Finding[] {
  const found: Finding[] = [];
  const warn = (message: string) => found.push(finding('icp-number', 'warning', message));
  if (m.deviations.includes('unusual-province')) {
    warn(`${m.number} starts with "${m.province}", which MIIT does not use in filing numbers; check the record`);
  }
  if (m.deviations.includes('missing-hao')) warn(`"${m.text}" lacks 号 after the serial; write ${m.number}`);
  if (m.deviations.includes('icp-bei-an'))
    warn(`"${m.text}" says ICP备案 where the number says ICP备; write ${m.number}`);
  if (m.deviations.includes('suffix-before-hao')) {
    warn(`in "${m.text}" the -${m.site} stands before 号; write ${m.number}`);
  }
  if (m.deviations.includes('odd-serial-length')) {
    const expected = m.kind === '证' ? '6' : '8 or 10';
    warn(
      `the serial ${m.serial} has ${m.serial.length} digits where ${expected} are usual; check it against the record`,
    );
  }
  return found;
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const ODD_DASH = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/;

function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE_CHARACTERS,
    (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

function normalisationFindings(sighting: IcpSighting): Finding[] {
  const raw = sighting.raw.replace(/\s+/g, ' ');
  const m = sighting.match;
  if (raw === m.number) return [];
  const how: string[] = [];
  if (FULL_WIDTH.test(raw)) how.push('full-width characters');
  if (raw.replace(INVISIBLE_CHARACTERS, '') !== raw) how.push('invisible characters');
  if (ODD_DASH.test(raw)) how.push('an unusual dash');
  if (/icp/.test(raw)) how.push('lower-case letters');
  if (m.deviations.includes('spaces') || /\s/.test(raw)) how.push('spaces');
  if (how.length === 0) return [];
  return [
    finding(
      'icp-number',
      'info',
      `${m.number} is written with ${how.join(', ')} ("${showInvisible(raw)}"); ` +
        'plain half-width characters without spaces are what the record shows and what checkers search for',
    ),
  ];
}

// An ICP证 or B2 licence stands for the filing only when it links to MIIT (large sites do that).
function licenceFindings(sighting: IcpSighting, context: RuleContext): Finding[] {
  const m = sighting.match;
  if (m.kind === '备') return [];
  if (linksToMiit(sighting.links, context.url)) return [];
  const what = m.kind === 'B2' ? 'a value-added telecom licence number' : 'an ICP licence number';
  return [
    finding(
      'icp-number',
      'error',
      `the page shows only ${m.number}, ${what}, and it is not linked to MIIT; show the ICP filing number ` +
        `(or link this number to ${MIIT_URL} if it is the number on record)`,
    ),
  ];
}

/** `icp-number`: an ICP number is shown as visible text and is well formed. */
export function checkIcpNumber(context: RuleContext): Finding[] {
  const sighting = context.icp;
  if (sighting === null) return [missingFinding(context)];
  const form = [...formFindings(sighting.match), ...licenceFindings(sighting, context)];
  if (form.length > 0) return form;
  return [...deviationFindings(sighting.match), ...normalisationFindings(sighting)];
}
