import { describe, expect, it } from 'vitest';
import { judgeMiitHref, psbCodeInHref, psbPlatformOf } from '../../../../src/core/footer/rules/judge-link.js';

const PAGE = 'https://www.example.cn/index.html';

describe('judgeMiitHref', () => {
  it.each([
    'https://beian.miit.gov.cn/',
    'http://beian.miit.gov.cn',
    'https://beian.miit.gov.cn/#/Integrated/index',
    'http://www.beian.miit.gov.cn',
    'HTTPS://BEIAN.MIIT.GOV.CN/',
    '//beian.miit.gov.cn/',
    '\n   http://beian.miit.gov.cn\n  ',
  ])('accepts %j', (href) => {
    expect(judgeMiitHref(href, PAGE)).toEqual({ status: 'ok' });
  });

  it('warns about the obsolete query path', () => {
    expect(judgeMiitHref('http://beian.miit.gov.cn/publish/query/indexFirst.action', PAGE)).toEqual({
      status: 'obsolete-path',
    });
  });

  it.each([
    ['', 'an empty href'],
    ['#', 'goes nowhere'],
    ['#footer', 'goes nowhere'],
    ['javascript:void(0)', 'a script'],
    ['beian.miit.gov.cn', 'https://www.example.cn/beian.miit.gov.cn on this site'],
    ['www.beian.miit.gov.cn/', 'without http:// or https://'],
    ['http://www.miitbeian.gov.cn/', 'a retired host'],
    ['http://miibeian.gov.cn', 'a retired host'],
    ['https://beian.miit.gov.cn.example.com/', 'only looks like'],
    ['https://beian-miit.gov.cn/', 'only looks like'],
    ['http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1', 'public-security platform'],
    ['https://example.com/', 'another site'],
    ['images/beian.png', 'https://www.example.cn/images/beian.png), a page on this site'],
    ['mailto:a@example.cn', 'not a web address'],
  ])('refuses %j', (href, words) => {
    const judgement = judgeMiitHref(href, PAGE);
    expect(judgement.status).toBe('wrong');
    expect(judgement.status === 'wrong' && judgement.what).toContain(words);
  });
});

describe('public-security links', () => {
  it.each([
    ['https://beian.mps.gov.cn/#/query/webSearch?code=11010802044671', 'current', '11010802044671'],
    ['http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37010302000681', 'legacy', '37010302000681'],
    ['https://example.com/?code=1', null, '1'],
    ['#1', null, null],
  ])('%s is %s with code %s', (href, platform, code) => {
    expect(psbPlatformOf(href, PAGE)).toBe(platform);
    expect(psbCodeInHref(href)).toBe(code);
  });
});
