import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../../src/core/footer/fetch/cookie-jar.js';

const answer = (...setCookie: string[]) => ({ headers: { 'set-cookie': setCookie } }) as unknown as IncomingMessage;

describe('CookieJar', () => {
  it('keeps cookies per host and sends them back', () => {
    const jar = new CookieJar();
    jar.store('shop.example', answer('a=1; Path=/; HttpOnly', 'b=two=2; Secure'));
    expect(jar.headerFor('shop.example')).toBe('a=1; b=two=2');
    expect(jar.headerFor('www.shop.example')).toBe('');
  });

  it.each([
    ['an empty value', 'a='],
    ['Max-Age=0', 'a=x; Max-Age=0'],
    ['a negative Max-Age', 'a=x; max-age=-1'],
  ])('forgets a cookie set again with %s', (_case, line) => {
    const jar = new CookieJar();
    jar.store('shop.example', answer('a=1', 'b=2'));
    jar.store('shop.example', answer(line));
    expect(jar.headerFor('shop.example')).toBe('b=2');
  });

  it('ignores lines without a name', () => {
    const jar = new CookieJar();
    jar.store('shop.example', answer('=1', 'novalue'));
    expect(jar.headerFor('shop.example')).toBe('');
  });
});
