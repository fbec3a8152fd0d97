import { describe, expect, it } from 'vitest';
import { tokeniseText } from '../../../src/core/text/tokenise.js';

describe('tokeniseText', () => {
  it.each([
    ['Chinese into overlapping bigrams', '注销备案', ['注销', '销备', '备案']],
    ['a lone character stays whole', '号', ['号']],
    ['English into words', 'cancel icp filing', ['cancel', 'icp', 'filing']],
    ['mixed runs apart', 'icp备案号', ['icp', '备案', '案号']],
    ['digits are a word', '备案 10 天', ['备案', '10', '天']],
    ['nothing from nothing', '', []],
  ])('%s', (_name, input, expected) => {
    expect(tokeniseText(input)).toEqual(expected);
  });
});
