import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/core/text/fold-text.js';

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
