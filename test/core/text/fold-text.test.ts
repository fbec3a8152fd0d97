import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/core/text/fold-text.js';
import { normaliseText } from '../../../src/core/text/normalise.js';
import { toSimplified } from '../../../src/core/text/to-simplified.js';

describe('foldText', () => {
  it.each([
    ['lower-cases Latin', 'ICP Filing', 'icp filing'],
    ['makes full-width half-width', 'ＩＣＰ备案１２３', 'icp备案123'],
    ['turns Chinese punctuation into spaces', '备案号，怎么注销？', '备案号 怎么注销'],
    ['turns ASCII punctuation into spaces', "what's the number?", 'what s the number'],
    ['splits a domain name at its dots', 'beian.miit.gov.cn', 'beian miit gov cn'],
    ['makes traditional characters simplified', '備案號註銷', '备案号注销'],
    ['removes zero-width characters', '备\u200B案', '备案'],
    ['drops emoji', '备案😀号', '备案 号'],
    ['empty stays empty', '   ', ''],
  ])('%s', (_name, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('foldText on plain text (its one-pass path)', () => {
  // The general definition, spelled out: the one-pass path for ASCII, Han and common punctuation must agree with it.
  const reference = (t: string) =>
    toSimplified(normaliseText(t).toLowerCase())
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
      .trim();

  it.each([
    ['ASCII with punctuation and case', "  What's the ICP-number?? (beian.miit.gov.cn)  "],
    ['Chinese with full-width punctuation', '备案号，怎么注销？！【急】「在线等」'],
    ['traditional characters', '備案號怎麼註銷'],
    ['curly quotes and an ellipsis', '客户说“已经通过了”…'],
    ['an ideographic space and line breaks', '备案\u3000号\n\n注销\t了'],
    ['mixed scripts without spaces', 'ICP备案123号-2'],
    ['only punctuation', '？？。。!!'],
  ])('agrees with the general path: %s', (_name, input) => {
    expect(foldText(input)).toBe(reference(input));
  });
});
