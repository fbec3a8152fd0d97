import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_OPTIONS } from '../../src/core/match/options.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the README's matcher options table: option name → the default it states. */
function optionRows(): Map<string, string> {
  const start = readme.indexOf('### Options (`DEFAULT_MATCH_OPTIONS`');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4 || cells[1] === 'option' || cells[1]?.startsWith('-')) continue;
    rows.set(cells[1] ?? '', cells[2] ?? '');
  }
  return rows;
}

describe('the README’s matcher options table', () => {
  // The options are tuned often; a README that states an old default misleads whoever sets BEIAN_MIN_CONFIDENCE.
  it('lists every option with the default the code has', () => {
    const rows = optionRows();
    const wrong = Object.entries(DEFAULT_MATCH_OPTIONS)
      .filter(([, value]) => typeof value !== 'object')
      .filter(([name, value]) => rows.get(name) !== String(value))
      .map(([name, value]) => `${name}: code ${value}, README ${rows.get(name) ?? 'no row'}`);
    expect(wrong).toEqual([]);
  });

  it('states the calibration’s coefficients as the code has them', () => {
    const calibration = DEFAULT_MATCH_OPTIONS.calibration;
    if (!calibration) return;
    // The README writes minus signs as −.
    const row = (optionRows().get('calibration') ?? '').replaceAll('−', '-');
    for (const [name, value] of Object.entries(calibration)) expect(row).toContain(`${name} ${value}`);
  });
});
