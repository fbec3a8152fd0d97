import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../../src/core/match/english-words.js';

describe('isEnglishWord', () => {
  it('knows words as people write them, inflected too', () => {
    for (const word of ['moved', 'legal', 'passport', 'never', 'cover', 'filing'])
      expect(isEnglishWord(word), word).toBe(true);
  });

  it('does not know typos, pinyin or made-up words', () => {
    for (const word of ['certficate', 'registraion', 'beian', 'zhuxiao', 'kongke'])
      expect(isEnglishWord(word), word).toBe(false);
  });
});
