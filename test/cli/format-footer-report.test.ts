import { describe, expect, it } from 'vitest';
import { formatFooterReport, formatSummary } from '../../src/cli/format-footer-report.js';
import type { FooterReport, Verdict } from '../../src/core/footer/types.js';

const icp = { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' } as const;

const base: FooterReport = {
  target: 'example.cn',
  url: 'https://example.cn/',
  finalUrl: 'https://www.example.cn/index.html',
  verdict: 'warn',
  icp,
  publicSecurity: {
    number: '京公网安备11010802044671号',
    code: '11010802044671',
    href: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010802044671',
  },
  findings: [
    { rule: 'icp-position', severity: 'warning', message: 'The number is not centred.' },
    { rule: 'icp-number', severity: 'info', message: 'Full-width digits were normalised.' },
  ],
  redirects: [
    { url: 'https://example.cn/', status: 301 },
    { url: 'https://www.example.cn/', status: 302 },
  ],
  otherNumbers: ['沪ICP备12345678号'],
  rendered: false,
};

describe('formatFooterReport', () => {
  const text = formatFooterReport(base);

  it.each([
    ['the target and the final URL', 'example.cn → https://www.example.cn/index.html'],
    ['the verdict', '⚠️ warn'],
    ['a warning with its rule id', '⚠️ [icp-position] The number is not centred.'],
    ['an info finding', 'ℹ️ [icp-number] Full-width digits were normalised.'],
    ['the ICP number and its link', 'ICP: 京ICP备05004398号-1 → https://beian.miit.gov.cn/'],
    ['the public-security number and its link', '京公网安备11010802044671号 → https://beian.mps.gov.cn/#/query/'],
    ['other numbers', 'Other numbers: 沪ICP备12345678号'],
    [
      'the redirect chain',
      'https://example.cn/ (301) → https://www.example.cn/ (302) → https://www.example.cn/index.html',
    ],
    ['the MIIT query page', 'Look it up: https://beian.miit.gov.cn/'],
  ])('shows %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it.each<[Verdict, string]>([
    ['pass', '✅ pass'],
    ['fail', '❌ fail'],
    ['inconclusive', '❔ inconclusive'],
  ])('marks the %s verdict', (verdict, expected) => {
    expect(formatFooterReport({ ...base, verdict })).toContain(expected);
  });

  it('says when a number is not linked and when the page was rendered', () => {
    const unlinked = formatFooterReport({ ...base, icp: { ...icp, href: null }, rendered: true });
    expect(unlinked).toContain('ICP: 京ICP备05004398号-1 (not linked)');
    expect(unlinked).toContain('(rendered in Chromium)');
  });

  it('uses ANSI colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(formatFooterReport(base, { color: true })).toContain('\u001b[33mwarn\u001b[0m');
  });
});

describe('formatFooterReport with text a hostile page controls', () => {
  // Screen clear, an OSC 52 clipboard write, a carriage return forging a verdict, a bidi override,
  // an 8-bit CSI and DEL: in link text, hrefs, names quoted in findings and numbers as written.
  const evil = '\u001b[2J\u001b]52;c;ZXZpbA==\u0007\r✅ pass \u202Egnp.exe\u009b31m\u007f\u2066';
  const hostile: FooterReport = {
    ...base,
    target: `example.cn${evil}`,
    finalUrl: `https://www.example.cn/${evil}`,
    icp: { ...icp, href: `https://beian.miit.gov.cn/${evil}` },
    publicSecurity: { number: `京公网安备11010802044671号${evil}`, code: '11010802044671', href: evil },
    findings: [{ rule: 'company-name', severity: 'warning', message: `the footer names 北京${evil}科技有限公司` }],
    redirects: [{ url: `https://example.cn/${evil}`, status: 301 }],
    otherNumbers: [`沪ICP备12345678号${evil}`],
  };
  // C0 and C1 controls, DEL, and format characters (bidi controls among them), within any line.
  const hasControl = (text: string) => text.split('\n').some((line) => /[\p{Cc}\p{Cf}]/u.test(line));
  const OUR_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');

  it('lets no control character through, and shows each as its code point', () => {
    const text = formatFooterReport(hostile);
    expect(hasControl(text)).toBe(false);
    expect(text).toContain(
      '[U+001B][2J[U+001B]]52;c;ZXZpbA==[U+0007][U+000D]✅ pass [U+202E]gnp.exe[U+009B]31m[U+007F]',
    );
    expect(text.split('\n').filter((line) => /^ {2}✅ pass/.test(line))).toEqual([]);
  });

  it('keeps only its own colour codes when painting', () => {
    const text = formatFooterReport(hostile, { color: true });
    expect(text).toMatch(OUR_COLOURS);
    expect(hasControl(text.replace(OUR_COLOURS, ''))).toBe(false);
  });
});

describe('formatSummary', () => {
  it('counts every verdict', () => {
    expect(formatSummary({ pass: 3, warn: 1, fail: 1, inconclusive: 1 })).toBe(
      '6 checked: 3 pass, 1 warn, 1 fail, 1 inconclusive',
    );
  });
});
