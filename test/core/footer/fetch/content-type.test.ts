import { describe, expect, it } from 'vitest';
import { isHtmlType, looksLikeHtml, mediaTypeOf } from '../../../../src/core/footer/fetch/content-type.js';

describe('mediaTypeOf and isHtmlType', () => {
  it.each([
    ['text/html; charset=gbk', 'text/html', true],
    ['TEXT/HTML', 'text/html', true],
    ['application/xhtml+xml', 'application/xhtml+xml', true],
    ['text/plain; charset=utf-8', 'text/plain', false],
    ['application/pdf', 'application/pdf', false],
    ['image/png', 'image/png', false],
    [undefined, '', false],
  ])('reads %s as %s', (header, mediaType, html) => {
    expect(mediaTypeOf(header)).toBe(mediaType);
    expect(isHtmlType(mediaTypeOf(header))).toBe(html);
  });
});

describe('looksLikeHtml', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['<!DOCTYPE html><html>', true],
    ['\n\t  <html lang="zh-CN">', true],
    ['\ufeff<!doctype html>', true],
    ['<!-- generated --><div>', true],
    ['<HEAD><TITLE>首页</TITLE>', true],
    ['<p>京ICP备05004398号</p>', true],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', true],
    ['<?xml version="1.0"?><rss version="2.0">', false],
    ['<paragraph>', false],
    ['%PDF-1.7', false],
    ['{"ok":true}', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeHtml(bytes(text))).toBe(expected);
  });
});
