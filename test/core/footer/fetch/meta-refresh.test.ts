import { describe, expect, it } from 'vitest';
import { findMetaRefresh, parseRefreshContent } from '../../../../src/core/footer/fetch/meta-refresh.js';

const BASE = new URL('https://shop.example/cn/');

describe('parseRefreshContent', () => {
  it.each([
    ['0; url=/next', { delay: 0, url: '/next' }],
    ['0;URL=https://other.example/', { delay: 0, url: 'https://other.example/' }],
    ["3; url='/quoted.html'", { delay: 3, url: '/quoted.html' }],
    ['0, url="/comma"', { delay: 0, url: '/comma' }],
    ['0;/no-url-keyword', { delay: 0, url: '/no-url-keyword' }],
    ['1.5; url=/fraction', { delay: 1, url: '/fraction' }],
    ['30', { delay: 30, url: null }],
    ['soon', null],
  ])('reads %s', (content, expected) => {
    expect(parseRefreshContent(content)).toEqual(expected);
  });
});

describe('findMetaRefresh', () => {
  it.each([
    { html: '<meta http-equiv="refresh" content="0; url=index.html">', expected: 'https://shop.example/cn/index.html' },
    { html: '<META HTTP-EQUIV="Refresh" CONTENT="0;URL=/en/">', expected: 'https://shop.example/en/' },
    { html: '<meta http-equiv="refresh" content="0;url=/a&amp;b">', expected: 'https://shop.example/a&b' },
    {
      html: '<body><meta http-equiv=refresh content="2;url=//www.shop.example/"></body>',
      expected: 'https://www.shop.example/',
    },
    {
      html: '<base href="https://cdn.shop.example/site/"><meta http-equiv="refresh" content="0; url=home.html">',
      expected: 'https://cdn.shop.example/site/home.html',
    },
    { html: '<meta http-equiv="refresh" content="600; url=/later">', expected: null },
    { html: '<meta http-equiv="refresh" content="60">', expected: null },
    { html: '<meta http-equiv="refresh" content="0; url=/cn/#top">', expected: null },
    { html: '<noscript><meta http-equiv="refresh" content="0; url=/nojs"></noscript>', expected: null },
    { html: '<!-- <meta http-equiv="refresh" content="0; url=/old"> -->', expected: null },
    { html: '<script>document.write(\'<meta http-equiv="refresh" content="0; url=/js">\')</script>', expected: null },
    { html: '<meta name="refresh" content="0; url=/not-http-equiv">', expected: null },
  ])('finds $expected in $html', ({ html, expected }) => {
    expect(findMetaRefresh(html, BASE)?.href ?? null).toBe(expected);
  });
});
