import { Parser } from 'htmlparser2';

const MAY_REFRESH = /refresh/i;

/** A refresh that waits longer than this is an auto-reloading page, not a redirect. */
export const MAX_REFRESH_DELAY_S = 5;

/** The URL in a refresh `content` value (`0; url='/next'`), per the HTML "shared declarative refresh steps". */
export function parseRefreshContent(content: string): { delay: number; url: string | null } | null {
  const match = /^\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/is.exec(content);
  if (!match) return null;
  const delay = Number(match[1]);
  let url = (match[2] ?? '').trim();
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = url.slice(1, end === -1 ? undefined : end);
  }
  return { delay, url: url === '' ? null : url };
}

/**
 * The target of a `<meta http-equiv=refresh>` that redirects promptly, resolved against `base`, or null.
 * Ignores refreshes inside `<noscript>` (a browser with scripts does not follow them) and refreshes to the
 * page itself.
 */
export function findMetaRefresh(html: string, base: URL): URL | null {
  // Most homepages have no refresh at all; tokenising a whole page to learn that cost as much as
  // parsing it (benchmarked). An http-equiv spelled with character references is the one miss.
  if (!MAY_REFRESH.test(html)) return null;
  let found: string | null = null;
  let noscript = 0;
  let resolveAgainst = base;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'noscript') noscript++;
        // A <base href> before the refresh changes what a relative refresh URL means.
        if (name === 'base' && found === null && attrs.href)
          resolveAgainst = URL.parse(attrs.href, base) ?? resolveAgainst;
        if (found !== null || noscript > 0 || name !== 'meta') return;
        if (attrs['http-equiv']?.trim().toLowerCase() !== 'refresh') return;
        const refresh = parseRefreshContent(attrs.content ?? '');
        if (refresh?.url && refresh.delay <= MAX_REFRESH_DELAY_S) found = refresh.url;
      },
      onclosetag(name) {
        if (name === 'noscript' && noscript > 0) noscript--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (found === null) return null;
  const target = URL.parse(found, resolveAgainst);
  if (target === null) return null;
  return withoutHash(target) === withoutHash(base) ? null : target;
}

/** A URL's href without its fragment: the identity of a page for loop detection. */
export function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}
