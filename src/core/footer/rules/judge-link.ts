/** What one href (or onclick URL) on an ICP number amounts to. */
export type MiitLinkJudgement = { status: 'ok' } | { status: 'obsolete-path' } | { status: 'wrong'; what: string };

const MIIT_HOSTS = new Set(['beian.miit.gov.cn', 'www.beian.miit.gov.cn']);
const LEGACY_HOSTS = new Set(['miitbeian.gov.cn', 'www.miitbeian.gov.cn', 'miibeian.gov.cn', 'www.miibeian.gov.cn']);
const PSB_HOSTS = new Set(['beian.gov.cn', 'www.beian.gov.cn', 'beian.mps.gov.cn', 'www.beian.mps.gov.cn']);
const OBSOLETE_PATH = '/publish/query/indexFirst.action';
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A bare host name where a URL was meant: `beian.miit.gov.cn/`, `www.example.cn`.
const BARE_HOST = /^(?:[a-z0-9-]+\.)+(?:cn|com|net|org|gov|top|xyz|io|cc|info)(?::\d+)?(?:[/?#]|$)/i;

function resolve(href: string, pageUrl: string): URL | null {
  try {
    return new URL(href, pageUrl);
  } catch {
    return null;
  }
}

function judgeHost(url: URL, href: string, pageUrl: string): MiitLinkJudgement {
  const host = url.hostname.toLowerCase();
  if (MIIT_HOSTS.has(host)) {
    return url.pathname.startsWith(OBSOLETE_PATH) ? { status: 'obsolete-path' } : { status: 'ok' };
  }
  if (LEGACY_HOSTS.has(host)) return { status: 'wrong', what: `${href}, a retired host` };
  if (PSB_HOSTS.has(host)) return { status: 'wrong', what: `${href}, the public-security platform, not MIIT` };
  if (/miit|beian/.test(host)) return { status: 'wrong', what: `${href}, a host that only looks like MIIT's` };
  const own = resolve('/', pageUrl)?.host === url.host;
  return { status: 'wrong', what: own ? `${href}, a page on this site` : `${href}, another site` };
}

/** Judges a link target for an ICP number: MIIT host (http or https, any path), or what is wrong with it. */
export function judgeMiitHref(rawHref: string, pageUrl: string): MiitLinkJudgement {
  const href = rawHref.trim();
  if (href === '') return { status: 'wrong', what: 'an empty href, which goes nowhere' };
  if (href.startsWith('#')) return { status: 'wrong', what: `"${href}", which goes nowhere` };
  if (/^javascript:/i.test(href)) return { status: 'wrong', what: `"${href}", a script rather than a link` };
  if (!HAS_SCHEME.test(href) && !href.startsWith('/') && BARE_HOST.test(href)) {
    const resolved = resolve(href, pageUrl)?.href ?? href;
    return {
      status: 'wrong',
      what: `"${href}" without http:// or https://, which a browser opens as ${resolved} on this site`,
    };
  }
  const url = resolve(href, pageUrl);
  if (url === null) return { status: 'wrong', what: `"${href}", which is not a valid URL` };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { status: 'wrong', what: `"${href}", not a web address` };
  }
  const shown = HAS_SCHEME.test(href) || href.startsWith('//') ? href : `${href} (${url.href})`;
  return judgeHost(url, shown, pageUrl);
}

/** The 14-digit code a public-security platform link carries (`code=` in the fragment, or `recordcode=`). */
export function psbCodeInHref(href: string): string | null {
  return /(?:record)?code=(\d+)/i.exec(href)?.[1] ?? null;
}

/** Which public-security platform a URL points at: the current one, the legacy one, or neither. */
export function psbPlatformOf(href: string, pageUrl: string): 'current' | 'legacy' | null {
  const url = resolve(href.trim(), pageUrl);
  const host = url?.hostname.toLowerCase() ?? '';
  if (host === 'beian.mps.gov.cn' || host === 'www.beian.mps.gov.cn') return 'current';
  if (host === 'beian.gov.cn' || host === 'www.beian.gov.cn') return 'legacy';
  return null;
}

/** True when one of the links (by href) goes to the MIIT filing system. */
export function linksToMiit(links: readonly { href: string | null }[], pageUrl: string): boolean {
  return links.some((l) => l.href !== null && judgeMiitHref(l.href, pageUrl).status !== 'wrong');
}
