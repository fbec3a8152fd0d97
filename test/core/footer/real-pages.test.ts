import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../src/core/footer/analyse-page.js';
import type { Verdict } from '../../../src/core/footer/types.js';

// Real homepages, copied from the project's shared material so a clone alone runs the tests (see SOURCES.md there).
const REAL_PAGES = new URL('../../fixtures/real-pages/', import.meta.url);

interface Expectation {
  verdict: Verdict;
  /** The ICP number judged, or null. */
  icp: string | null;
  /** Every finding as rule:severity, in report order. */
  findings: string[];
  /** Words the decisive finding must contain. */
  says?: string;
  /** Why a person reading the page reaches this verdict. */
  why: string;
}

const EXPECTED: Record<string, Expectation> = {
  '01-zhenhesheng-static.html': {
    verdict: 'warn',
    icp: '京ICP备2026047935号',
    findings: ['icp-site-number:warning', 'psb-number:warning'],
    why: 'linked correctly in <footer> with a name, but a Beijing entity number without -N and no PSB number',
  },
  '02-hexo-butterfly-blog.html': {
    verdict: 'warn',
    icp: '粤ICP备20006795号',
    findings: ['psb-number:warning'],
    why: 'Guangdong entity number linked to MIIT, © By csliao beside it; only the PSB number is missing',
  },
  '03-hexo-fluid-icp-in-police-slot.html': {
    verdict: 'warn',
    icp: '晋ICP备2021016698号-1',
    findings: ['company-name:warning', 'psb-number:warning', 'icp-number:info'],
    says: 'shows the ICP number 晋ICP备2021016698号 instead',
    why: 'ICP linked correctly; the police slot repeats the ICP number instead of a PSB number; no © name',
  },
  '04-fzjk-stateco-thymeleaf-home.html': {
    verdict: 'warn',
    icp: '赣ICP备18010030号',
    findings: ['icp-site-number:warning', 'psb-number:warning'],
    why: 'company name and MIIT link are right; entity number without -N outside Guangdong, no PSB number',
  },
  '05-vue2-spa-shell-insurance.html': {
    verdict: 'inconclusive',
    icp: null,
    findings: ['page:error'],
    says: '--render',
    why: 'an empty <div id="app">: the footer only exists after JavaScript runs',
  },
  '06-hexo-webstack-nav-icp-commented-out.html': {
    verdict: 'fail',
    icp: null,
    findings: ['icp-number:error', 'psb-number:warning'],
    says: 'appears only in an HTML comment',
    why: 'both numbers are commented out: a visitor sees no filing number',
  },
  '07-band-site-icp-linked-to-image.html': {
    verdict: 'fail',
    icp: '晋ICP备18003599号-1',
    findings: ['icp-link:error', 'psb-number:warning'],
    says: 'images/beian.png',
    why: 'the number links to an image on the site itself, not to MIIT',
  },
  '08-terran-cloud-icp-unlinked-psb-hash.html': {
    verdict: 'fail',
    icp: '浙ICP备14022981号-5',
    findings: ['icp-link:error', 'psb-number:info', 'psb-link:warning'],
    says: 'plain text',
    why: 'the ICP number is plain text in an <h5>; the PSB number links to #1',
  },
  '09-rendaohang-legacy-miitbeian-psb-badge.html': {
    verdict: 'fail',
    icp: '鲁ICP备18036942号-1',
    findings: ['icp-link:error', 'psb-number:info', 'psb-link:info'],
    says: 'a retired host',
    why: 'linked to the retired www.miitbeian.gov.cn; the PSB part is fine apart from the legacy link',
  },
  '10-cqcfwh-training-school-icp-unlinked.html': {
    verdict: 'fail',
    icp: '渝ICP备07003552号-1',
    findings: ['icp-link:error', 'psb-number:info', 'psb-link:info'],
    says: 'plain text',
    why: 'the ICP number is not a link at all; the PSB number has badge and (legacy) link',
  },
  '11-hexo-redefine-whitespace-href.html': {
    verdict: 'warn',
    icp: '蜀ICP备2024084968号',
    findings: ['icp-site-number:warning'],
    why: 'white space around the href is stripped by browsers, so the link is right; Sichuan entity number lacks -N',
  },
  '12-ymatou-clone-b2-and-icp-unlinked.html': {
    verdict: 'fail',
    icp: '沪ICP备11050082号',
    findings: ['icp-link:error', 'icp-site-number:warning', 'psb-number:warning', 'icp-number:info'],
    says: 'plain text',
    why: 'neither the ICP number nor the B2 licence is linked; badges without a PSB number',
  },
  '13-librestream-cn-landing.html': {
    verdict: 'warn',
    icp: '京ICP备19007319号-20',
    findings: ['company-name:warning', 'psb-number:info', 'psb-link:info'],
    why: 'ICP and PSB are right (legacy PSB link), but no organisation name anywhere near the numbers',
  },
  '14-hexo-next-bogus-psb-number.html': {
    verdict: 'warn',
    icp: '闽ICP备16032016号-1',
    findings: ['psb-number:warning', 'psb-number:warning', 'psb-number:warning', 'psb-number:warning', 'psb-link:info'],
    says: '公网安备',
    why: 'ICP is right; "闽公安网备16032016" is no valid PSB number (wrong word, 8 digits, no 号)',
  },
  '15-hexo-next-gd-icp-psb.html': {
    verdict: 'pass',
    icp: '粤ICP备2023127571号',
    findings: ['psb-link:info'],
    why: 'Guangdong entity number linked to MIIT, PSB number with badge and matching (legacy) link, © hyman',
  },
  '16-hexo-next-number-split-across-links.html': {
    verdict: 'fail',
    icp: '蜀ICP备2020032341号',
    findings: ['icp-number:info', 'icp-link:error', 'icp-site-number:warning', 'psb-number:warning'],
    says: 'split across 2 links',
    why: 'only "蜀ICP" goes to MIIT; the serial links to the police site',
  },
  '17-hexo-butterfly-onclick-links.html': {
    verdict: 'warn',
    icp: '渝ICP备19004608号',
    findings: ['icp-link:warning', 'icp-site-number:warning', 'psb-link:warning'],
    says: 'only through JavaScript',
    why: 'both numbers open the right sites only through onclick, not real links; entity number without -N',
  },
  '18-hexo-kaze-moe-vanity-icp.html': {
    verdict: 'fail',
    icp: '萌ICP备20223030号',
    findings: ['icp-number:error', 'psb-number:warning'],
    says: 'vanity registry',
    why: '萌ICP备 is a vanity number, not an MIIT filing, even though it links to MIIT',
  },
  '19-hexo-matery-badge-in-icp-link.html': {
    verdict: 'warn',
    icp: '豫ICP备2020036358号-1',
    findings: ['psb-number:warning'],
    why: 'ICP linked correctly next to the name 风仔; a police badge but no PSB number',
  },
  '20-aspera-company-landing.html': {
    verdict: 'warn',
    icp: '湘ICP备19027130号-1',
    findings: ['psb-number:warning'],
    why: 'copyright line with Aspera Limited in the neighbouring wrapper, ICP linked correctly; no PSB number',
  },
  '21-ohtoai-homepage-beian-in-sidebar.html': {
    verdict: 'warn',
    icp: '苏ICP备19061327号-3',
    findings: ['icp-position:warning', 'company-name:warning', 'psb-number:warning'],
    says: 'personal-box',
    why: 'the link sits in the profile column, not the footer; no name beside it; no PSB number',
  },
  '22-guge-company-www-beian-host.html': {
    verdict: 'warn',
    icp: '浙ICP备12027381号',
    findings: ['icp-site-number:warning', 'psb-number:warning'],
    says: 'www.mps.gov.cn',
    why: 'www.beian.miit.gov.cn is an allowed host; entity number without -N; police badge but no PSB number',
  },
  '23-manyi-spaced-numbers-unlinked.html': {
    verdict: 'fail',
    icp: '京ICP备12004109号-1',
    findings: ['icp-number:info', 'icp-link:error', 'psb-number:info', 'psb-link:warning', 'icp-number:info'],
    says: 'plain text',
    why: 'two unlinked ICP numbers and an unlinked PSB number',
  },
  '24-meizu-clone-icp-hash-link.html': {
    verdict: 'fail',
    icp: '粤ICP备13003602号',
    findings: ['icp-link:error', 'psb-number:info', 'psb-link:warning', 'icp-number:info'],
    says: '"#"',
    why: 'the ICP number (and the B2 licence) link to #; the PSB number is unlinked',
  },
};

const pages = readdirSync(REAL_PAGES).filter((name) => name.endsWith('.html'));

describe('real homepages', () => {
  it('has an expectation for every page in test/fixtures/real-pages', () => {
    expect(pages.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    it(`is ${expected.verdict}: ${expected.why}`, () => {
      const html = readFileSync(new URL(file, REAL_PAGES), 'utf8');
      const result = analysePage({ html, url: 'https://www.example.cn/' });
      expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(expected.findings);
      expect(result.verdict).toBe(expected.verdict);
      expect(result.icp?.number ?? null).toBe(expected.icp);
      if (expected.says !== undefined) {
        expect(result.findings.map((f) => f.message).join('\n')).toContain(expected.says);
      }
    });
  });
});
