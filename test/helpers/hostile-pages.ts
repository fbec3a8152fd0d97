/**
 * Generated pages that once froze the footer check (issue 12), shared by the tests and
 * bench/footer-analysis.bench.ts. Each is an ordinary-looking page blown up along one dimension.
 */

const FOOTER =
  '<footer><p>© 2024 北京某某科技有限公司</p><p><a href="https://beian.miit.gov.cn/">京ICP备05004398号-1</a></p></footer>';

function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>首页</title></head><body>${body}</body></html>`;
}

/** `count` ICP numbers, each in its own `<span>` of one paragraph (5,000 is about 150 KB). */
export function numbersInSpans(count: number): string {
  const spans = Array.from({ length: count }, (_, i) => `<span>京ICP备${String(10_000_000 + i)}号-1</span>`);
  return page(`<p>${spans.join(' ')}</p>${FOOTER}`);
}

/** `count` ICP numbers as plain text of one `<p>` (50,000 is about 1 MB). */
export function numbersInOneParagraph(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => `京ICP备${String(10_000_000 + i)}号-1`);
  return page(`<p>${numbers.join(' ')}</p>${FOOTER}`);
}

/** `京ICP备1234` repeated `count` times on one line, with no space between. */
export function repeatedOnOneLine(count: number): string {
  return page(`<p>${'京ICP备1234'.repeat(count)}</p>`);
}

/** `depth` nested `<div>`s with the footer at the bottom of the innermost one. */
export function nestedDivs(depth: number): string {
  return page(`${'<div>'.repeat(depth)}${FOOTER}${'</div>'.repeat(depth)}`);
}

/** An ordinary page of about `kilobytes` KB: article paragraphs with links, then the footer. */
export function ordinaryPage(kilobytes: number): string {
  const paragraph =
    '<div class="item"><h3><a href="/news/1.html">数字经济发展政策解读</a></h3><p>企业服务平台建设与网络安全数据管理，' +
    '行业动态公告通知，技术产品解决方案。<a href="/more">更多</a></p></div>';
  const count = Math.max(1, Math.round((kilobytes * 1024) / Buffer.byteLength(paragraph)));
  return page(`<main>${paragraph.repeat(count)}</main>${FOOTER}`);
}
