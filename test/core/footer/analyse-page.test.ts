import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../src/core/footer/analyse-page.js';
import type { Verdict } from '../../../src/core/footer/types.js';

const FIXTURES = new URL('../../fixtures/pages/', import.meta.url);
const URL_OF_PAGE = 'https://www.example.cn/';

function fixture(name: string): string {
  return readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
}

function analyse(name: string, options: { rendered?: boolean; expect?: string } = {}) {
  return analysePage(
    { html: fixture(name), url: URL_OF_PAGE, rendered: options.rendered ?? false },
    { expect: options.expect },
  );
}

function pairs(name: string, rendered = false): string[] {
  return analyse(name, { rendered }).findings.map((f) => `${f.rule}:${f.severity}`);
}

// fixture, verdict, findings as rule:severity in report order
const CASES: [string, Verdict, string[]][] = [
  ['compliant', 'pass', []],
  // icp-number: visible text only
  ['number-in-meta', 'fail', ['icp-number:error']],
  ['number-in-title', 'fail', ['icp-number:error']],
  ['number-in-comment', 'fail', ['icp-number:error']],
  ['number-in-script', 'fail', ['icp-number:error']],
  ['number-in-noscript', 'fail', ['icp-number:error']],
  ['number-in-hidden-element', 'fail', ['icp-number:error']],
  ['number-in-hidden-attribute', 'fail', ['icp-number:error']],
  ['number-in-hidden-input', 'fail', ['icp-number:error']],
  ['number-in-template', 'fail', ['icp-number:error']],
  ['number-in-invisible-rendered', 'fail', ['icp-number:error']],
  ['number-as-image', 'fail', ['icp-number:error']],
  ['no-number', 'fail', ['icp-number:error', 'psb-number:warning']],
  // icp-number: reading the text as a visitor sees it
  ['split-across-spans', 'pass', []],
  ['hidden-part-inside-number', 'pass', []],
  ['full-width', 'pass', ['icp-number:info']],
  ['numeric-entities', 'pass', []],
  ['nbsp-inside', 'warn', ['icp-number:info', 'icp-site-number:warning']],
  ['zero-width', 'pass', ['icp-number:info']],
  ['lower-case-icp', 'pass', ['icp-number:info']],
  ['block-boundary', 'warn', ['icp-site-number:warning']],
  // icp-number: well formed
  ['vanity-registry', 'fail', ['icp-number:error']],
  ['placeholder-number', 'fail', ['icp-number:error']],
  ['zero-placeholder', 'fail', ['icp-number:error']],
  ['no-province', 'fail', ['icp-number:error']],
  ['missing-hao', 'warn', ['icp-number:warning']],
  ['icp-bei-an', 'warn', ['icp-number:warning']],
  ['suffix-before-hao', 'warn', ['icp-number:warning']],
  ['odd-serial-length', 'warn', ['icp-number:warning']],
  ['unusual-province', 'warn', ['icp-number:warning']],
  ['icp-licence-linked', 'pass', []],
  ['b2-linked', 'pass', []],
  ['b2-unlinked-only', 'fail', ['icp-number:error', 'icp-link:error']],
  // icp-link
  ['plain-text-number', 'fail', ['icp-link:error']],
  ['lookalike-host', 'fail', ['icp-link:error']],
  ['legacy-miitbeian', 'fail', ['icp-link:error']],
  ['legacy-miibeian', 'fail', ['icp-link:error']],
  ['schemeless-href', 'fail', ['icp-link:error']],
  ['hash-link', 'fail', ['icp-link:error']],
  ['javascript-link', 'fail', ['icp-link:error']],
  ['empty-href', 'fail', ['icp-link:error']],
  ['psb-host-on-icp', 'fail', ['icp-link:error']],
  ['onclick-other-host', 'fail', ['icp-link:error']],
  ['split-across-links', 'fail', ['icp-number:info', 'icp-link:error']],
  ['onclick-only', 'warn', ['icp-link:warning']],
  ['obsolete-path', 'warn', ['icp-link:warning']],
  ['link-beside-number', 'pass', ['icp-link:info']],
  ['link-in-next-line', 'pass', ['icp-link:info']],
  ['www-host-no-slash', 'pass', []],
  ['whitespace-href', 'pass', []],
  // icp-site-number
  ['guangdong-entity-number', 'pass', []],
  ['beijing-entity-number', 'warn', ['icp-site-number:warning']],
  ['app-number', 'warn', ['icp-site-number:warning']],
  ['mini-program-number', 'warn', ['icp-site-number:warning']],
  // icp-position
  ['sidebar-number', 'warn', ['icp-position:warning']],
  ['nav-inside-footer', 'pass', []],
  ['old-table-layout', 'pass', ['psb-number:info', 'psb-link:info']],
  // company-name
  ['company-name-missing', 'warn', ['company-name:warning']],
  ['company-name-studio', 'pass', []],
  ['company-name-person', 'pass', []],
  // psb-number and psb-link
  ['psb-missing', 'warn', ['psb-number:warning']],
  ['psb-bad-code', 'warn', ['psb-number:warning']],
  ['psb-province-mismatch', 'warn', ['psb-number:warning']],
  [
    'psb-wrong-word',
    'warn',
    ['psb-number:warning', 'psb-number:warning', 'psb-number:warning', 'psb-number:warning', 'psb-link:info'],
  ],
  ['psb-legacy-link', 'pass', ['psb-link:info']],
  ['psb-wrong-code-link', 'warn', ['psb-link:warning']],
  ['psb-missing-badge', 'warn', ['psb-link:warning']],
  ['psb-unlinked', 'warn', ['psb-link:warning']],
  // several numbers
  ['several-numbers', 'pass', ['icp-number:info']],
  // page
  ['spa-shell', 'inconclusive', ['page:error']],
  ['script-only-page', 'inconclusive', ['page:error']],
  ['waf-cloudflare', 'inconclusive', ['page:error']],
  ['waf-aliyun-slider', 'inconclusive', ['page:error']],
  ['waf-yunsuo', 'inconclusive', ['page:error']],
  ['waf-tencent', 'inconclusive', ['page:error']],
  ['captcha-article-no-number', 'fail', ['icp-number:error', 'psb-number:warning']],
  ['frameset', 'fail', ['icp-number:error', 'psb-number:warning']],
];

describe.each(CASES)('analysePage(%s)', (name, verdict, expected) => {
  it(`is ${verdict} with [${expected.join(', ')}]`, () => {
    const result = analyse(name);
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(expected);
    expect(result.verdict).toBe(verdict);
  });
});

describe('rendered pages', () => {
  it.each([
    ['rendered-centred', []],
    ['rendered-left', ['icp-position:warning']],
    ['rendered-not-at-bottom', ['icp-position:warning']],
    ['rendered-short-page', []],
    ['rendered-full-width-line', ['icp-link:info']],
  ])('%s → %j', (name, expected) => {
    expect(pairs(name, true)).toEqual(expected);
  });

  it('does not judge centring from static HTML', () => {
    expect(pairs('rendered-left', false)).toEqual([]);
  });

  it('is not a script-drawn page once rendered', () => {
    expect(pairs('spa-shell', true)).toEqual(['icp-number:error', 'psb-number:warning']);
  });
});

describe('messages a support person can act on', () => {
  it.each([
    [
      'legacy-miitbeian',
      'http://www.miitbeian.gov.cn/, a retired host; link the number itself to https://beian.miit.gov.cn/',
    ],
    ['schemeless-href', 'which a browser opens as https://www.example.cn/beian.miit.gov.cn on this site'],
    ['number-in-comment', '京ICP备05004398号-1 appears only in an HTML comment'],
    ['number-in-meta', 'appears only in a <meta> tag'],
    ['number-as-image', "appears only in an image's alt text (the number is a picture)"],
    ['vanity-registry', 'vanity registry'],
    ['spa-shell', '--render'],
    ['waf-cloudflare', 'Cloudflare'],
    ['beijing-entity-number', '京ICP备05004398号-1'],
    ['link-beside-number', 'put the link on the number itself'],
    ['psb-wrong-code-link', 'code 11010802000000, not 11010802044671'],
    ['psb-missing-badge', 'badge'],
    ['sidebar-number', 'inside <aside class="sidebar">'],
    ['full-width', 'full-width characters'],
    ['zero-width', 'invisible characters ("京ICP备0500[U+200B]4398号[U+200D]-1")'],
    ['lower-case-icp', 'lower-case letters'],
    ['b2-unlinked-only', 'a value-added telecom licence number, and it is not linked to MIIT'],
  ])('%s says %j', (name, words) => {
    expect(
      analyse(name)
        .findings.map((f) => f.message)
        .join('\n'),
    ).toContain(words);
  });
});

describe('the report', () => {
  it('describes the numbers judged', () => {
    const result = analyse('compliant');
    expect(result.icp).toEqual({
      number: '京ICP备05004398号-1',
      kind: '备',
      province: '京',
      href: 'https://beian.miit.gov.cn/',
    });
    expect(result.publicSecurity).toEqual({
      number: '京公网安备11010802044671号',
      code: '11010802044671',
      href: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010802044671',
    });
    expect(result.otherNumbers).toEqual([]);
  });

  it('judges the footer number linked to MIIT and lists the others', () => {
    const result = analyse('several-numbers');
    expect(result.icp?.number).toBe('京ICP备05004398号-1');
    expect(result.otherNumbers).toEqual(['沪ICP备11111111号-2']);
  });

  it('reads the number from inline pieces and normalises it', () => {
    expect(analyse('full-width').icp?.number).toBe('京ICP备05004398号-1');
    expect(analyse('block-boundary').icp?.number).toBe('京ICP备05004398号');
  });
});

describe('expected-number', () => {
  it.each([
    ['compliant', '京ICP备05004398号-1', []],
    ['compliant', '京ICP备05004398号', []],
    ['compliant', '京ICP备05004398号-2', ['expected-number:error']],
    ['compliant', '京ICP备05004399号-1', ['expected-number:error']],
    ['beijing-entity-number', '京ICP备05004398号-1', ['icp-site-number:warning', 'expected-number:error']],
    ['guangdong-entity-number', '粤ICP备13003602号-1', []],
    ['no-number', '京ICP备05004398号-1', ['icp-number:error', 'psb-number:warning', 'expected-number:error']],
    ['compliant', 'not a number', ['expected-number:error']],
  ])('%s with expect %s → %j', (name, expect_, expected) => {
    expect(analyse(name, { expect: expect_ }).findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(expected);
  });
});
