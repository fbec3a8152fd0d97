import { describe, expect, it } from 'vitest';
import { CATALOGUE_LANGS, catalogueFor, langOfLocale, langOfText } from '../../src/slack/messages/catalogue.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';

const HAN = /\p{Script=Han}/u;

describe('message catalogues', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s is the same kind of thing in both languages', (key) => {
    expect(typeof zhCN[key]).toBe(typeof en[key]);
    if (typeof en[key] === 'function')
      expect((zhCN[key] as () => string).length).toBe((en[key] as () => string).length);
  });

  it('gives each language its own words (only the bilingual toggle label is shared)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => typeof en[key] === 'string' && key !== 'lang' && en[key] === zhCN[key],
    );
    expect(same).toEqual(['languageToggle']);
    expect(zhCN.noAnswer).toMatch(HAN);
    expect(zhCN.sorry).toMatch(HAN);
    expect(zhCN.checking('example.com')).toMatch(HAN);
  });

  it('catalogueFor returns the catalogue whose lang it was asked for', () => {
    for (const lang of CATALOGUE_LANGS) expect(catalogueFor(lang).lang).toBe(lang);
  });
});

describe('langOfLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ja-JP', null],
    ['', null],
    [undefined, null],
  ] as const)('reads %j as %j', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});

describe('langOfText', () => {
  it.each([
    ['备案号会过期吗', 'zh-CN'],
    ['does the ICP 备案 number expire?', 'zh-CN'],
    ['does the beian number expire?', 'en'],
  ] as const)('reads %j as %s', (text, lang) => {
    expect(langOfText(text)).toBe(lang);
  });
});
