import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildSoundIndex, correctHomophones, readCharacter, readPinyin } from '../../../src/core/match/sound-alike.js';

// Bigrams a small knowledge base would index, besides the dictionary's own words (注销, 空壳, 公安, 工信部, 解析 …).
const sounds = buildSoundIndex(['网站', '主体', '页面', '号码', '服务', '期限', '规定', '安全']);
// `beian` stands for the pinyin words the dictionary lists, which are known words too.
const known = (w: string) => ['icp', 'domain', 'filing', 'footer', 'change', 'beian', 'an', 'long'].includes(w);

describe('correctHomophones', () => {
  it.each([
    ['被案号', '备案号'],
    ['柱销了', '注销了'],
    ['空科网站', '空壳网站'],
    ['公按备案', '公安备案'],
    ['备按号', '备案号'],
    ['注消了', '注销了'],
    ['工信布', '工信部'],
    ['空壳住体', '空壳主体'],
  ])('reads %s as %s', (typed, meant) => {
    expect(correctHomophones(typed, sounds)).toBe(meant);
  });

  it.each([
    ['words that are already right', '公安备案 注销 工信部'],
    ['ordinary words next to filing words', '按照规定 安全'],
    ['text without Chinese', 'icp filing'],
    ['empty text', ''],
  ])('leaves %s alone', (_name, text) => {
    expect(correctHomophones(text, sounds)).toBe(text);
  });
});

describe('correctHomophones and grammatical particles', () => {
  it('never swaps a particle for the sound-alike that makes a known word', () => {
    // 来得 is a word the knowledge base uses; 来的 (lai de, as 来得) is grammar, not a typo of it.
    const withWords = buildSoundIndex(['来得', '同事']);
    expect(correctHomophones('新来的同事', withWords)).toBe('新来的同事');
    expect(correctHomophones('被案的', withWords)).toBe('备案的');
  });

  it('still swaps a content character next to a particle', () => {
    expect(correctHomophones('柱销了吗', sounds)).toBe('注销了吗');
  });
});

describe('correctHomophones and pieces of longer words', () => {
  it('reads a piece of a longer dictionary word only where the swap makes that word', () => {
    // 机商 is only a piece of 主机商 (a host provider): 手机上 (on the phone) is no typo of it.
    expect(correctHomophones('手机上一直收不到', sounds)).toBe('手机上一直收不到');
    expect(correctHomophones('主机上', sounds)).toBe('主机商');
    // 授权 is a piece of 授权码: 受权码 is its typo.
    expect(correctHomophones('受权码', sounds)).toBe('授权码');
  });
});

describe('buildSoundIndex with words only answers use', () => {
  it('never respells a plain word into a word only answers use', () => {
    // 在弹 is a bigram of an answer ("在弹出的页面"): 还在担心 must stay as typed, not read as 还在弹心.
    expect(correctHomophones('还在担心', buildSoundIndex(['网站'], ['在弹']))).toBe('还在担心');
    expect(correctHomophones('还在担心', buildSoundIndex(['网站', '在弹']))).toBe('还在弹心');
  });

  it('reads a word only answers use as it is', () => {
    expect(correctHomophones('被案', buildSoundIndex([], ['被案']))).toBe('被案');
    expect(correctHomophones('被案', buildSoundIndex([]))).toBe('备案');
  });
});

describe('buildSoundIndex with answer-only seams', () => {
  // 在弹 and 传到 are seams of an answer's words (在弹出, 上传到); 弹 also reads dan and 传 zhuan.
  const withAnswers = buildSoundIndex(['网站', '备案'], ['在弹', '传到', '弹出']);

  it('never respells a pair into a bigram only answers use', () => {
    expect(correctHomophones('在担心', withAnswers)).toBe('在担心');
    expect(correctHomophones('转到', withAnswers)).toBe('转到');
  });

  it('still counts them as known, so they are not respelled either', () => {
    expect(withAnswers.known.has('在弹')).toBe(true);
    expect(correctHomophones('在弹出', withAnswers)).toBe('在弹出');
  });

  it('still respells into the bigrams of titles, questions and the dictionary', () => {
    expect(correctHomophones('被案', withAnswers)).toBe('备案');
  });
});

describe('readPinyin', () => {
  it.each([
    ['zhuxiao', '注销'],
    ['kongke wangzhan', '空壳网站'],
    ['bei an', '备案'],
    ['beianhao 怎么查', '备案号 怎么查'],
    ['gongan beian', '公安备案'],
    ['icp gongan', 'icp 公安'],
    ['domain jiexi', 'domain 解析'],
    // A known pinyin word next to an unknown syllable is read with it, not left as a word and an unknown `hao`.
    ['beian hao 是什么', '备案号 是什么'],
    ['icp beian hao', 'icp 备案号'],
    // Every syllable into a word where one reading allows it: the longest word from the left took 怎么会 and left "fu".
    ['zenme huifu', '怎么恢复'],
    // Tones typed as marks or numbers, as a dictionary or an input method writes them.
    ['zhùxiāo', '注销'],
    ['kōngké wǎngzhàn', '空壳网站'],
    ['zhu4xiao1', '注销'],
    ['bei4 an4 hao4', '备案号'],
    // Not 理办 from inside 管理办法 (zai na + li ban); and no reading leaves the rest of a run as one blank.
    ['jingyingxing beian zai nali ban', '经营性备案 哪里'],
  ])('reads %s as %s', (typed, meant) => {
    expect(readPinyin(typed, sounds, known)).toBe(meant);
  });

  it.each([
    ['English words the knowledge base uses', 'change the footer'],
    ['letters that are not pinyin', 'xyz qwrt'],
    ['pinyin of no known word', 'tian qi'],
    ['known words that happen to be syllables', 'how long an icp beian takes'],
    ['a pinyin word the dictionary knows', 'icp beian'],
    ['words with digits that are not toned pinyin', 'ipv6 h5 mp4 nginx1 4g'],
    ['accented words that are not pinyin', 'café résumé'],
  ])('leaves %s alone', (_name, text) => {
    expect(readPinyin(text, sounds, known)).toBe(text);
  });
});

describe('readCharacter', () => {
  it("reads every Han character as pinyin-pro's pinyin(…, { multiple: true }) does, toneless, ü as v", () => {
    const han = /^\p{Script=Han}$/u;
    const differing: string[] = [];
    let checked = 0;
    for (let code = 0x2e80; code <= 0x3ffff; code += 1) {
      const ch = String.fromCodePoint(code);
      if (!han.test(ch)) continue;
      checked += 1;
      const expected = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }).filter((s) =>
        /^[a-z]+$/.test(s),
      );
      if (readCharacter(ch).join(' ') !== expected.join(' ')) differing.push(ch);
    }
    expect(checked).toBeGreaterThan(100_000);
    expect(differing).toEqual([]);
  });

  it.each([
    ['行', ['xing', 'hang', 'heng']],
    ['绿', ['lv', 'lu']],
    ['俞', ['yu', 'shu', 'yu']],
  ])('reads %s as %j', (ch, readings) => {
    expect(readCharacter(ch)).toEqual(readings);
  });
});
