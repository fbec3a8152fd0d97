import type { AnyNode, Element } from 'domhandler';
import { findOne } from 'domutils';
import type { PageModel } from '../read/page-model.js';
import { MAX_DEPTH, MAX_ELEMENTS } from '../read/parse-capped.js';
import { hiddenPlaceOf } from '../read/visibility.js';
import type { Finding } from '../types.js';
import { finding } from './context.js';

// Markers of anti-bot challenge pages, in the raw HTML (scripts and cookies included).
const CHALLENGE_MARKUP: readonly [RegExp, string][] = [
  [
    /cdn-cgi\/challenge-platform\/h\/|_cf_chl_opt|cf-browser-verification|challenges\.cloudflare\.com/i,
    'a Cloudflare challenge page',
  ],
  [/acw_sc__v2|aliyun_waf|_waf_|errors\.aliyun\.com|阿里云盾/i, 'an Alibaba Cloud WAF challenge page'],
  [/waf\.tencent|tencent-?cloud.{0,40}waf|TCaptcha|turing\.captcha/i, 'a Tencent Cloud WAF challenge page'],
  [/yunsuo|safedog|安全狗|创宇盾|网站防火墙/i, 'a site-firewall challenge page'],
];
// Words a challenge page shows instead of the site.
const CHALLENGE_TEXT =
  /just a moment|checking your browser|verify you are human|attention required|安全验证|滑动验证|人机验证|访问验证|请完成验证|请拖动滑块|正在验证/i;
const MOUNT_IDS = new Set(['app', 'root', '__next', '__nuxt', 'q-app', 'main-app', 'application']);
// Less visible text than this, with scripts, is a page still to be drawn ("加载中…", "Loading").
const SCRIPT_PAGE_CHARS = 50;

// A challenge page is small: a sentence or two and a widget. A real page that mentions captchas is not one.
const CHALLENGE_MAX_CHARS = 600;

/** Names the anti-bot challenge a small page is (`a Cloudflare challenge page` …), or null for an ordinary page. */
export function challengeOf(html: string, model: PageModel): string | null {
  if (model.textLength > CHALLENGE_MAX_CHARS) return null;
  for (const [pattern, name] of CHALLENGE_MARKUP) if (pattern.test(html)) return name;
  const shown = `${model.title} ${model.blocks.map((b) => b.text).join(' ')}`;
  return CHALLENGE_TEXT.test(shown) ? 'an anti-bot challenge page' : null;
}

function hasVisibleText(element: Element): boolean {
  const walk = (node: AnyNode): boolean => {
    if (node.type === 'text') return 'data' in node && node.data.trim() !== '';
    if (node.type !== 'tag' || hiddenPlaceOf(node as Element) !== null) return false;
    return (node as Element).children.some(walk);
  };
  return element.children.some(walk);
}

function isMountPoint(element: Element): boolean {
  const id = element.attribs.id;
  return (id !== undefined && MOUNT_IDS.has(id)) || element.attribs['data-reactroot'] !== undefined;
}

function emptyMountPoint(model: PageModel): string | null {
  const mount = findOne((el) => isMountPoint(el) && !hasVisibleText(el), model.document.children, true);
  if (mount === null) return null;
  const id = mount.attribs.id;
  return `<${mount.name}${id === undefined ? '' : ` id="${id}"`}>`;
}

function kilobytes(chars: number): string {
  return `${Math.max(1, Math.round(chars / 1024))} KB`;
}

// Why the page was read only in part, and how much of it was.
function cutReason(model: PageModel, html: string): string | null {
  const cut = model.cut;
  if (cut === null) return null;
  const why =
    cut.limit === 'depth'
      ? `the page nests its elements more than ${MAX_DEPTH} deep`
      : `the page has more than ${MAX_ELEMENTS} elements`;
  return `${why}, so only its first ${kilobytes(cut.at)} of ${kilobytes(html.length)} were read`;
}

/** The note that a page was read only in part, when its number was found in the part that was read. */
export function cutFindings(model: PageModel, html: string): Finding[] {
  const reason = cutReason(model, html);
  return reason === null ? [] : [finding('page', 'info', `${reason}; the number judged is from that part`)];
}

/**
 * `page`: whether the page could be judged at all. Only asked when no filing number is visible: a
 * challenge page or a page drawn by JavaScript is not the site's footer, so the verdict is inconclusive.
 */
export function checkPage(html: string, model: PageModel, rendered: boolean): Finding[] {
  const cut = cutReason(model, html);
  if (cut !== null) {
    return [finding('page', 'error', `${cut}; that part shows no ICP number, so the footer could not be judged`)];
  }
  const challenge = challengeOf(html, model);
  if (challenge !== null) {
    return [
      finding(
        'page',
        'error',
        `the homepage answered with ${challenge} instead of the site, so its footer could not be read; ` +
          'check it in a browser, or ask the site to let the checker through',
      ),
    ];
  }
  if (rendered) return [];
  const mount = emptyMountPoint(model);
  if (mount !== null || (model.textLength < SCRIPT_PAGE_CHARS && model.scripts > 0)) {
    const why = mount === null ? 'its HTML has almost no text, only scripts' : `its HTML has an empty ${mount}`;
    return [
      finding(
        'page',
        'error',
        `the homepage is drawn by JavaScript (${why}), so the footer is not in the HTML; run the check again with --render`,
      ),
    ];
  }
  return [];
}
