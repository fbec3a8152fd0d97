import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../src/core/text/normalise.js';

describe('normaliseText', () => {
  it.each([
    ['full-width letters and digits', '京ＩＣＰ备０５００４３９８号－１', '京ICP备05004398号-1'],
    ['zero-width characters', '京ICP备0500\u200B4398号', '京ICP备05004398号'],
    ['odd dashes', '号\u20141 号\u22121', '号-1 号-1'],
    ['nbsp and ideographic spaces collapse', 'a\u00A0\u3000 b', 'a b'],
    ['case is kept', 'ICP icp', 'ICP icp'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});
