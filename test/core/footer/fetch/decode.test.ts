import { describe, expect, it } from 'vitest';
import { charsetParameter, decodeHtml, sniffMetaCharset } from '../../../../src/core/footer/fetch/decode.js';
import { encodeGb } from './encode-gb.js';

const NUMBER = '京ICP备05004398号-1';
const body = (head = '') =>
  `<html><head>${head}<title>首页</title></head><body><p>${NUMBER} 某某公司</p></body></html>`;
const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const withBom = (bytes: Uint8Array) => Uint8Array.from([...BOM, ...bytes]);
const big5 = Uint8Array.from([
  ...utf8('<html><head><meta charset="big5"></head><body>'),
  0xa4,
  0xa4,
  0xa4,
  0xe5,
  ...utf8('</body></html>'),
]);

describe('decodeHtml', () => {
  it.each([
    {
      name: 'GBK with the charset in the header',
      bytes: encodeGb(body()),
      type: 'text/html; charset=GBK',
      charset: 'gb18030',
    },
    { name: 'gb2312 in the header', bytes: encodeGb(body()), type: 'text/html;charset="gb2312"', charset: 'gb18030' },
    { name: 'x-gbk in the header', bytes: encodeGb(body()), type: 'text/html; charset=x-gbk', charset: 'gb18030' },
    {
      name: 'cp936 in a meta charset',
      bytes: encodeGb(body('<meta charset=cp936>')),
      type: 'text/html',
      charset: 'gb18030',
    },
    {
      name: 'GB_2312-80 in an http-equiv meta with attributes reversed',
      bytes: encodeGb(body('<meta content="text/html; charset=GB_2312-80" http-equiv="Content-Type">')),
      type: undefined,
      charset: 'gb18030',
    },
    {
      name: 'an XML declaration',
      bytes: encodeGb(`<?xml version="1.0" encoding="gb2312"?>${body()}`),
      type: undefined,
      charset: 'gb18030',
    },
    { name: 'GBK declared nowhere', bytes: encodeGb(body()), type: undefined, charset: 'gb18030' },
    {
      name: 'GBK under an unknown header label',
      bytes: encodeGb(body()),
      type: 'text/html; charset=chinese-simplified',
      charset: 'gb18030',
    },
    {
      name: 'GBK under a Latin-1 server default',
      bytes: encodeGb(body()),
      type: 'text/html; charset=iso-8859-1',
      charset: 'gb18030',
    },
    {
      name: 'UTF-8 under a Latin-1 server default',
      bytes: utf8(body()),
      type: 'text/html; charset=ISO-8859-1',
      charset: 'utf-8',
    },
    {
      name: 'UTF-8 under a windows-1252 meta',
      bytes: utf8(body('<meta charset="windows-1252">')),
      type: undefined,
      charset: 'utf-8',
    },
    {
      name: 'GBK under a UTF-8 header that lies, with a meta',
      bytes: encodeGb(body('<meta charset="gbk">')),
      type: 'text/html; charset=utf-8',
      charset: 'gb18030',
    },
    {
      name: 'GBK under a UTF-8 meta that lies',
      bytes: encodeGb(body('<meta charset="utf-8">')),
      type: undefined,
      charset: 'gb18030',
    },
    { name: 'UTF-8 declared nowhere', bytes: utf8(body()), type: undefined, charset: 'utf-8' },
    {
      name: 'UTF-8 with a BOM under a GBK header',
      bytes: withBom(utf8(body())),
      type: 'text/html; charset=gbk',
      charset: 'utf-8',
    },
    {
      name: 'UTF-8 with a BOM under a GBK meta',
      bytes: withBom(utf8(body('<meta charset="gbk">'))),
      type: undefined,
      charset: 'utf-8',
    },
    {
      name: 'a meta UTF-16 label on ASCII-compatible bytes',
      bytes: utf8(body('<meta charset="utf-16">')),
      type: undefined,
      charset: 'utf-8',
    },
  ])('decodes $name', ({ bytes, type, charset }) => {
    const decoded = decodeHtml(bytes, type);
    expect(decoded.charset).toBe(charset);
    expect(decoded.html).toContain(NUMBER);
    expect(decoded.html.startsWith('\ufeff')).toBe(false);
  });

  it('decodes Big5 as Big5', () => {
    expect(decodeHtml(big5, undefined)).toEqual({
      charset: 'big5',
      html: '<html><head><meta charset="big5"></head><body>中文</body></html>',
    });
  });

  it('keeps a declared Latin-1 page with accents as windows-1252', () => {
    const latin = Uint8Array.from([...utf8('<p>caf'), 0xe9, ...utf8(' cr'), 0xe8, ...utf8('me</p>')]);
    expect(decodeHtml(latin, 'text/html; charset=iso-8859-1')).toEqual({
      charset: 'windows-1252',
      html: '<p>café crème</p>',
    });
  });

  it('never decodes undeclared non-UTF-8 bytes as Latin-1', () => {
    const latin = Uint8Array.from([...utf8('<p>caf'), 0xe9, ...utf8(' cr'), 0xe8, ...utf8('me</p>')]);
    const decoded = decodeHtml(latin, undefined);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.html).toBe('<p>caf\ufffd cr\ufffdme</p>');
  });

  it('ignores a meta charset beyond the first 4 KB', () => {
    const late = utf8(`<html><head>${' '.repeat(5000)}<meta charset="gbk"></head><body>${NUMBER}</body></html>`);
    expect(decodeHtml(late, undefined).charset).toBe('utf-8');
  });

  it('ignores a charset written inside a comment or a script', () => {
    const hidden = utf8(`<!-- <meta charset="gbk"> --><script>"<meta charset=gbk>"</script>${body()}`);
    expect(sniffMetaCharset(hidden)).toBeNull();
  });
});

describe('charsetParameter', () => {
  it.each([
    ['text/html; charset=GBK', 'GBK'],
    ['text/html;charset="utf-8"', 'utf-8'],
    ["text/html; Charset='gb2312'; foo=bar", 'gb2312'],
    ['charset=gb2312', 'gb2312'],
    ['text/html', null],
    [undefined, null],
  ])('reads %s as %s', (value, expected) => {
    expect(charsetParameter(value)).toBe(expected);
  });
});
