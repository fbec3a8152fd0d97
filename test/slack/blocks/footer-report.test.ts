import { describe, expect, it } from 'vitest';
import { type FooterReport, MIIT_URL } from '../../../src/core/footer/types.js';
import { buildCheckingMessage, buildFooterReportMessages } from '../../../src/slack/blocks/footer-report.js';
import { en } from '../../../src/slack/messages/en.js';

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

const textOf = (reports: FooterReport[]) =>
  JSON.stringify(buildFooterReportMessages(reports, en).flatMap((m) => m.blocks));

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
    const [message] = buildFooterReportMessages([base, { ...base, target: 'b.cn', verdict: 'pass' }], en);
    expect(message?.blocks.filter((b) => b.type === 'divider')).toHaveLength(1);
    expect(message?.text).toBe('Footer check — example.com: ⚠️ Pass with warnings; b.cn: ✅ Pass');
  });

  it('stays within 50 blocks a message for many targets', () => {
    const reports = Array.from({ length: 40 }, (_, i) => ({ ...base, target: `s${i}.cn` }));
    for (const message of buildFooterReportMessages(reports, en)) expect(message.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('buildCheckingMessage', () => {
  it('names the targets, escaped', () => {
    expect(buildCheckingMessage(['example.com', 'a<b'], en).text).toBe('Checking example.com, a&lt;b…');
  });
});

describe('page-controlled text in a report', () => {
  const hostile: FooterReport = {
    ...base,
    finalUrl: 'https://evil.example/a|<!channel>',
    findings: [
      {
        rule: 'icp-link',
        severity: 'error',
        message: '京ICP备05004398号-1 is split across 2 links ("<!here> *✅ Pass*\n✅ Pass" → https://x.cn/_a_)',
      },
    ],
    otherNumbers: ['沪ICP备1号`<@U0ADMIN01>`'],
  };
  const sections = buildFooterReportMessages([hostile], en)
    .flatMap((m) => m.blocks)
    .filter((b) => b.type === 'section');
  const text = sections.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n');

  it('forges no mention, link or extra line', () => {
    expect(text).not.toMatch(/<!|<@|<https:\/\/evil[^>]*\|/);
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('(<https://evil.example/a%7C%3C!channel%3E>)');
    expect(text.split('\n').filter((line) => line.startsWith('✅'))).toHaveLength(0);
  });

  it('forges no formatting, and cannot close the code span around a number', () => {
    expect(text).toContain('\u2217✅ Pass\u2217');
    expect(text).toContain('https://x.cn/\u02CDa\u02CD)');
    expect(text).toContain('`沪ICP备1号\u02CB&lt;@U0ADMIN01&gt;\u02CB`');
  });

  it('marks every report section verbatim, so Slack does not auto-link URLs or @here in it', () => {
    for (const block of sections) expect(block).toMatchObject({ text: { type: 'mrkdwn', verbatim: true } });
  });
});
