const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

// WHATWG MIME sniffing's HTML signatures, each followed by a space or `>`.
const HTML_SIGNATURES = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
  '<meta',
];

/** The media type of a Content-Type header, lower case, without parameters; '' when missing. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** True for the types a browser renders as a web page. */
export function isHtmlType(mediaType: string): boolean {
  return HTML_TYPES.has(mediaType);
}

/** Whether a body without a Content-Type starts like markup (after a BOM and white space). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '');
  const start = head.trimStart().toLowerCase();
  if (start.startsWith('<?xml')) return start.includes('<html');
  return HTML_SIGNATURES.some((sig) => start.startsWith(sig) && /^[\s>]/.test(start.slice(sig.length)));
}
