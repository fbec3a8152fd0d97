import { Parser } from 'htmlparser2';

export interface DecodedHtml {
  html: string;
  /** The decoder used: `utf-8`, `gb18030`, `big5`, … */
  charset: string;
}

/** How far into the body a `<meta charset>` is looked for (WHATWG says 1024; Chinese CMS heads run longer). */
const SNIFF_BYTES = 4096;

// GB2312 and GBK are subsets of GB18030, and pages labelled with them routinely use characters outside.
const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb_2312-80',
  'gb_2312',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'csgb2312',
  'gb18030',
  'chinese',
  'iso-ir-58',
  'csiso58gb231280',
]);
// Labels servers send by default (Apache's old AddDefaultCharset) rather than because the page is in them.
const LATIN_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'iso_8859-1',
]);

/** The WHATWG name of a charset label, `gb18030` for the GB family, or null when TextDecoder does not know it. */
function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const lower = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (GB_LABELS.has(lower)) return 'gb18030';
  if (LATIN_LABELS.has(lower)) return 'windows-1252';
  try {
    const encoding = new TextDecoder(lower).encoding;
    // A page cannot really be UTF-16 if its meta tag was readable as ASCII (WHATWG prescan rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a Content-Type header or a meta `content` value. */
export function charsetParameter(value: string | undefined): string | null {
  const match =
    /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(value ?? '') ??
    /^\s*charset\s*=\s*([^;\s]+)/i.exec(value ?? '');
  return match?.[1]?.replace(/^["']|["']$/g, '') ?? null;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** The charset declared by `<meta charset>`, `<meta http-equiv=content-type>` or `<?xml encoding?>` near the top. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one character, so ASCII markup reads correctly whatever the real encoding.
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found !== null || name !== 'meta') return;
        const declared =
          attrs.charset ??
          (attrs['http-equiv']?.toLowerCase() === 'content-type' ? charsetParameter(attrs.content) : null);
        found = canonicalCharset(declared);
      },
      onprocessinginstruction(name, data) {
        if (found !== null || name.toLowerCase() !== '?xml') return;
        found = canonicalCharset(/encoding\s*=\s*["']([^"']+)["']/i.exec(data)?.[1]);
      },
    },
    { decodeEntities: true },
  );
  parser.end(head);
  return found;
}

function decodeStrict(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const HAN = /\p{Script=Han}/gu;
const NON_ASCII = /[^\p{ASCII}]/gu;

/** GB18030 decodes almost any bytes; call it right only when most of what it made is Chinese. */
function decodeGbIfChinese(bytes: Uint8Array): string | null {
  const text = decodeStrict(bytes, 'gb18030');
  if (text === null) return null;
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  return nonAscii === 0 || han / nonAscii >= 0.6 ? text : null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** UTF-8 if valid, else GB18030 if it reads as Chinese; null when neither fits. */
function decodeByContent(bytes: Uint8Array): DecodedHtml | null {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { html: utf8, charset: 'utf-8' };
  const gb = decodeGbIfChinese(bytes);
  return gb === null ? null : { html: gb, charset: 'gb18030' };
}

// Single-byte encodings decode any bytes at all, so "it decoded cleanly" proves nothing for them.
const SINGLE_BYTE = /^(?:windows-125\d|windows-874|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * A declaration is trusted when the bytes decode cleanly under it. A single-byte label (Latin-1 above
 * all) on bytes that are valid UTF-8 or Chinese GB18030 is a server default, not a fact: the content wins.
 */
function decodeDeclared(bytes: Uint8Array, charset: string): DecodedHtml | null {
  if (SINGLE_BYTE.test(charset)) {
    if (!hasNonAscii(bytes)) return { html: new TextDecoder(charset).decode(bytes), charset };
    return decodeByContent(bytes);
  }
  const text = decodeStrict(bytes, charset);
  return text === null ? null : { html: text, charset };
}

/**
 * Decodes an HTML body: BOM first (it cannot lie), then the Content-Type charset, then a meta declaration
 * in the first 4 KB, then the content itself (strict UTF-8, else GB18030). gb2312/gbk labels decode as
 * gb18030. Never falls back to Latin-1 silently: Chinese read as Latin-1 hides every filing number.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom) return { html: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)), charset: bom.charset };
  const header = canonicalCharset(charsetParameter(contentType));
  const meta = sniffMetaCharset(bytes);
  // A single-byte (usually Latin-1) header is mostly a server default; the page's own meta knows better.
  const declarations = header !== null && SINGLE_BYTE.test(header) ? [meta, header] : [header, meta];
  for (const charset of declarations) {
    if (charset === null) continue;
    const decoded = decodeDeclared(bytes, charset);
    if (decoded) return decoded;
  }
  const byContent = decodeByContent(bytes);
  if (byContent) return byContent;
  // Nothing fits cleanly: keep the first declaration's reading, or UTF-8 with replacement characters.
  const charset = declarations.find((c) => c !== null) ?? 'utf-8';
  return { html: new TextDecoder(charset).decode(bytes), charset };
}
