import { describe, expect, it } from 'vitest';
import { type FooterReport, MIIT_URL } from '../../../src/core/footer/types.js';
import { buildCheckingMessage, buildFooterReportMessages } from '../../../src/slack/blocks/footer-report.js';

const base: FooterReport = {
  target: 'example.com',
  url: 'https://example.com/',
  finalUrl: 'https://www.example.com/',
  verdict: 'warn',
  icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: null },
  publicSecurity: { number: '京公网安备11010802044671号', code: '11010802044671', href: null },
  findings: [
    { rule: 'icp-number', severity: 'info', message: 'Found 京ICP备05004398号-1' },
    { rule: 'icp-link', severity: 'warning', message: 'The number does not link to https://beian.miit.gov.cn/' },
    { rule: 'psb-link', severity: 'error', message: 'No link to the public security filing page <here>' },
  ],
  redirects: [{ url: 'https://example.com/', status: 301 }],
  otherNumbers: ['沪ICP备1号'],
  rendered: false,
};

const textOf = (reports: FooterReport[]) => JSON.stringify(buildFooterReportMessages(reports).flatMap((m) => m.blocks));

describe('buildFooterReportMessages', () => {
  it('shows the verdict, each finding with ✅ ⚠️ ❌, the numbers, and the MIIT query page', () => {
    const text = textOf([base]);
    for (const part of [
      '*example.com*',
      '⚠️ Pass with warnings',
      '✅ Found 京ICP备05004398号-1',
      '⚠️ The number does not link',
      '❌ No link to the public security filing page &lt;here&gt;',
      'ICP number found: `京ICP备05004398号-1`',
      'Public security number found: `京公网安备11010802044671号`',
      '`沪ICP备1号`',
      'Followed 1 redirect(s).',
      MIIT_URL,
    ]) {
      expect(text).toContain(part);
    }
  });

  it.each([
    ['pass', '✅ Pass'],
    ['fail', '❌ Fail'],
    ['inconclusive', '❔ Could not check'],
  ] as const)('names the %s verdict', (verdict, label) => {
    expect(textOf([{ ...base, verdict }])).toContain(label);
  });

  it('shows the refusal sentence for a private target', () => {
    const refused: FooterReport = {
      ...base,
      target: '127.0.0.1',
      url: null,
      finalUrl: null,
      verdict: 'inconclusive',
      icp: null,
      publicSecurity: null,
      otherNumbers: [],
      redirects: [],
      findings: [{ rule: 'page', severity: 'error', message: '127.0.0.1 is a loopback address; not checked.' }],
    };
    expect(textOf([refused])).toContain('❌ 127.0.0.1 is a loopback address; not checked.');
  });

  it('separates several targets with dividers and summarises them in the fallback text', () => {
    const [message] = buildFooterReportMessages([base, { ...base, target: 'b.cn', verdict: 'pass' }]);
    expect(message?.blocks.filter((b) => b.type === 'divider')).toHaveLength(1);
    expect(message?.text).toBe('Footer check — example.com: ⚠️ Pass with warnings; b.cn: ✅ Pass');
  });

  it('stays within 50 blocks a message for many targets', () => {
    const reports = Array.from({ length: 40 }, (_, i) => ({ ...base, target: `s${i}.cn` }));
    for (const message of buildFooterReportMessages(reports)) expect(message.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('buildCheckingMessage', () => {
  it('names the targets, escaped', () => {
    expect(buildCheckingMessage(['example.com', 'a<b']).text).toBe('Checking example.com, a&lt;b…');
  });
});
