import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/core/text/to-simplified.js';

describe('toSimplified', () => {
  it.each([
    ['filing vocabulary', '備案號註銷證書網站', '备案号注销证书网站'],
    ['shell entity', '空殼主體', '空壳主体'],
    ['question words', '為什麼會這樣', '为什么会这样'],
    ['simplified text is kept', '备案号怎么注销', '备案号怎么注销'],
    ['Latin and digits are kept', 'ICP 12345', 'ICP 12345'],
  ])('%s', (_name, input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });
});
