import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../src/core/footer/analyse-page.js';
import { MAX_DEPTH, MAX_ELEMENTS, parseCapped } from '../../../src/core/footer/read/parse-capped.js';
import { readPage } from '../../../src/core/footer/read/read-page.js';
import { nestedDivs, numbersInOneParagraph, numbersInSpans, repeatedOnOneLine } from '../../helpers/hostile-pages.js';

const URL_OF_PAGE = 'https://www.example.cn/';
const FOOTER_NUMBER = '京ICP备05004398号-1';

function analyse(html: string) {
  return analysePage({ html, url: URL_OF_PAGE });
}

function messages(findings: { message: string }[]): string {
  return findings.map((f) => f.message).join('\n');
}

function depthOf(nodes: readonly AnyNode[]): number {
  let deepest = 0;
  const stack = nodes.map((node) => ({ node, depth: 1 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    deepest = Math.max(deepest, top.depth);
    if ('children' in top.node)
      for (const child of top.node.children) stack.push({ node: child, depth: top.depth + 1 });
  }
  return deepest;
}

describe('pages with thousands of numbers (issue 12)', () => {
  it('judges the footer of 5,000 numbers each in a <span> and names only 20 of the others', () => {
    const result = analyse(numbersInSpans(5_000));
    expect(result.icp).toMatchObject({ number: FOOTER_NUMBER, href: 'https://beian.miit.gov.cn/' });
    expect(result.verdict).toBe('warn');
    expect(result.otherNumbers).toHaveLength(20);
    expect(result.otherNumbers[0]).toBe('京ICP备10000000号-1');
    expect(result.moreNumbers).toBe(4_980);
    const others = result.findings.filter((f) => f.message.startsWith('the page also shows'));
    expect(others).toHaveLength(1);
    expect(others[0]?.message).toContain(
      '京ICP备10000019号-1 and 4980 more numbers; the check judged 京ICP备05004398号-1',
    );
  });

  it('judges the footer after 50,000 numbers in one paragraph', () => {
    const result = analyse(numbersInOneParagraph(50_000));
    expect(result.icp?.number).toBe(FOOTER_NUMBER);
    expect(result.otherNumbers).toHaveLength(20);
    expect(result.moreNumbers).toBe(49_980);
  });

  // The largest pages take seconds on a machine shared by many test runs: the harness limit is raised, not asserted.
  it('reads 京ICP备1234 repeated 400,000 times on one line as one placeholder number', { timeout: 60_000 }, () => {
    const result = analyse(repeatedOnOneLine(400_000));
    expect(result.verdict).toBe('fail');
    expect(result.icp?.number).toBe('京ICP备1234号');
    expect(result.otherNumbers).toEqual([]);
    expect(result.findings[0]?.message).toContain('is a template placeholder');
  });

  it('keeps the report short when a page shows a handful of numbers', () => {
    const result = analyse(numbersInSpans(3));
    expect(result.otherNumbers).toEqual(['京ICP备10000000号-1', '京ICP备10000001号-1', '京ICP备10000002号-1']);
    expect(result.moreNumbers).toBeUndefined();
  });
});

describe('deeply nested pages (issue 12)', () => {
  it('reads a page nested 500 deep to its footer', () => {
    const result = analyse(nestedDivs(500));
    expect(result.icp?.number).toBe(FOOTER_NUMBER);
    expect(result.verdict).toBe('warn');
    expect(result.findings.map((f) => f.rule)).toEqual(['psb-number']);
  });

  it.each([5_000, 200_000])('stops reading %i nested <div>s at the depth a browser nests to, inconclusive', (depth) => {
    const html = nestedDivs(depth);
    const { document, cut } = parseCapped(html);
    expect(cut).toMatchObject({ limit: 'depth' });
    expect(depthOf(document.children)).toBeLessThanOrEqual(MAX_DEPTH + 1);
    const result = analyse(html);
    expect(result.verdict).toBe('inconclusive');
    expect(result.findings).toEqual([
      {
        rule: 'page',
        severity: 'error',
        message: expect.stringMatching(
          /^the page nests its elements more than 512 deep, so only its first 3 KB of \d+ KB were read; that part shows no ICP number, so the footer could not be judged$/,
        ),
      },
    ]);
    expect(messages(result.findings)).not.toContain('Maximum call stack');
  });

  it('judges a number read before the cut, and says the page was read only in part', () => {
    const footer = `<p>© 北京某某科技有限公司 <a href="https://beian.miit.gov.cn/">${FOOTER_NUMBER}</a></p>`;
    const result = analyse(`<html><body>${footer}${nestedDivs(1_000)}</body></html>`);
    expect(result.icp?.number).toBe(FOOTER_NUMBER);
    expect(result.findings.at(-1)).toEqual({
      rule: 'page',
      severity: 'info',
      message: expect.stringContaining('nests its elements more than 512 deep, so only its first'),
    });
    expect(result.verdict).toBe('warn');
  });

  it(`stops reading after ${MAX_ELEMENTS} elements`, { timeout: 60_000 }, () => {
    const html = `<html><body>${'<span>x</span>'.repeat(MAX_ELEMENTS + 10)}<p>${FOOTER_NUMBER}</p></body></html>`;
    expect(readPage(html).cut).toMatchObject({ limit: 'elements' });
    const result = analyse(html);
    expect(result.verdict).toBe('inconclusive');
    expect(result.findings[0]?.message).toContain(`the page has more than ${MAX_ELEMENTS} elements`);
  });
});

describe('a NUL inside a number (issue 12)', () => {
  it('is dropped as a browser drops it, so the number reads whole', () => {
    const html =
      '<html><body><footer><p>© 北京某某科技有限公司</p>' +
      '<p><a href="https://beian.miit.gov.cn/">京ICP备0500\u00004398号-1</a></p></footer></body></html>';
    const result = analyse(html);
    expect(result.icp?.number).toBe(FOOTER_NUMBER);
    expect(result.otherNumbers).toEqual([]);
    expect(result.findings).toEqual([
      {
        rule: 'icp-number',
        severity: 'info',
        message: expect.stringContaining('invisible characters ("京ICP备0500[U+0000]4398号-1")'),
      },
      expect.objectContaining({ rule: 'psb-number' }),
    ]);
  });
});
