import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/core/text/fold-text.js';
import { toSimplified, toSimplifiedChar } from '../../../src/core/text/to-simplified.js';

describe('toSimplified', () => {
  it.each([
    ['filing vocabulary', '備案號註銷證書網站', '备案号注销证书网站'],
    ['shell entity', '空殼主體', '空壳主体'],
    ['question words', '為什麼會這樣', '为什么会这样'],
    // Characters a short hand-kept table lacked: OpenCC's dictionary has every traditional character.
    ['everyday characters', '域名剛改好，乾淨', '域名刚改好，干净'],
    // Taiwan and Hong Kong variants read through the standard traditional form.
    ['regional variants', '爲 裏 綫', '为 里 线'],
    // 才 and 么 are simplified already; a variant table maps them to 纔 and 幺, which must not leak in.
    ['simplified text is kept', '备案号怎么注销，才能 么', '备案号怎么注销，才能 么'],
    ['Latin and digits are kept', 'ICP 12345', 'ICP 12345'],
    // A character beyond the Basic Multilingual Plane is two code units; neither is read as a character of its own.
    ['astral characters are kept whole', '𠮷備案𩸽', '𠮷备案𩸽'],
    // Vocabulary is the dictionary's to decide (lexicon.ts): Taiwan's 伺服器 is not rewritten as 服务器.
    ['phrases are left alone', '伺服器', '伺服器'],
  ])('%s', (_name, input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });

  it('agrees with the one-character form folding uses, so both paths of foldText read the same', () => {
    for (const ch of '備號剛爲裏綫審實') {
      expect(String.fromCharCode(toSimplifiedChar(ch.charCodeAt(0)))).toBe(toSimplified(ch));
    }
    // The fast path (plain Han text) and the general one (full-width letters make NFKC necessary) fold alike.
    expect(foldText('剛審')).toBe('刚审');
    expect(foldText('Ａ剛審')).toBe('a刚审');
  });
});
