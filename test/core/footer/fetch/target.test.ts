import { describe, expect, it } from 'vitest';
import { TargetError } from '../../../../src/core/errors.js';
import { parseTarget } from '../../../../src/core/footer/fetch/target.js';

describe('parseTarget', () => {
  it.each([
    {
      input: 'example.com',
      candidates: ['https://example.com/', 'http://example.com/'],
      host: 'example.com',
      port: null,
    },
    {
      input: '  WWW.Example.COM  ',
      candidates: ['https://www.example.com/', 'http://www.example.com/'],
      host: 'www.example.com',
      port: null,
    },
    {
      input: 'example.com:8080',
      candidates: ['https://example.com:8080/', 'http://example.com:8080/'],
      host: 'example.com',
      port: 8080,
    },
    {
      input: 'example.com/cn/index.html',
      candidates: ['https://example.com/cn/index.html', 'http://example.com/cn/index.html'],
      host: 'example.com',
      port: null,
    },
    {
      input: 'example.com.',
      candidates: ['https://example.com/', 'http://example.com/'],
      host: 'example.com',
      port: null,
    },
    {
      input: 'example.com。',
      candidates: ['https://example.com/', 'http://example.com/'],
      host: 'example.com',
      port: null,
    },
    { input: 'http://example.com', candidates: ['http://example.com/'], host: 'example.com', port: null },
    {
      input: 'HTTPS://Example.com:8443/a?b=1#c',
      candidates: ['https://example.com:8443/a?b=1#c'],
      host: 'example.com',
      port: 8443,
    },
    { input: 'https://example.com:443/', candidates: ['https://example.com/'], host: 'example.com', port: null },
    { input: 'http://localhost:3000/', candidates: ['http://localhost:3000/'], host: 'localhost', port: 3000 },
    {
      input: '中文.中国',
      candidates: ['https://xn--fiq228c.xn--fiqs8s/', 'http://xn--fiq228c.xn--fiqs8s/'],
      host: 'xn--fiq228c.xn--fiqs8s',
      port: null,
    },
    {
      input: 'https://北京大学.cn/',
      candidates: ['https://xn--1lq90ic7fzpc.cn/'],
      host: 'xn--1lq90ic7fzpc.cn',
      port: null,
    },
    {
      input: '１２７.０.０.１',
      candidates: ['https://127.0.0.1/', 'http://127.0.0.1/'],
      host: '127.0.0.1',
      port: null,
    },
    { input: '127.1', candidates: ['https://127.0.0.1/', 'http://127.0.0.1/'], host: '127.0.0.1', port: null },
    { input: '2130706433', candidates: ['https://127.0.0.1/', 'http://127.0.0.1/'], host: '127.0.0.1', port: null },
    { input: '0x7f.0.0.1', candidates: ['https://127.0.0.1/', 'http://127.0.0.1/'], host: '127.0.0.1', port: null },
    { input: '0177.0.0.1', candidates: ['https://127.0.0.1/', 'http://127.0.0.1/'], host: '127.0.0.1', port: null },
    {
      input: '93.184.216.34:81',
      candidates: ['https://93.184.216.34:81/', 'http://93.184.216.34:81/'],
      host: '93.184.216.34',
      port: 81,
    },
    { input: '[::1]', candidates: ['https://[::1]/', 'http://[::1]/'], host: '[::1]', port: null },
    {
      input: '2001:4860::8888',
      candidates: ['https://[2001:4860::8888]/', 'http://[2001:4860::8888]/'],
      host: '[2001:4860::8888]',
      port: null,
    },
    {
      input: '[::ffff:127.0.0.1]:8080',
      candidates: ['https://[::ffff:7f00:1]:8080/', 'http://[::ffff:7f00:1]:8080/'],
      host: '[::ffff:7f00:1]',
      port: 8080,
    },
  ])('reads $input', ({ input, candidates, host, port }) => {
    const target = parseTarget(input);
    expect(target.candidates.map(String)).toEqual(candidates);
    expect(target).toMatchObject({ input: input.trim(), host, port });
  });

  it.each([
    { input: '', code: 'invalid-target', message: 'Cannot check "": give a domain name or a URL, e.g. example.com.' },
    {
      input: '   ',
      code: 'invalid-target',
      message: 'Cannot check "": give a domain name or a URL, e.g. example.com.',
    },
    {
      input: 'example .com',
      code: 'invalid-target',
      message: 'Cannot check "example .com": it contains a space; give one domain name or URL.',
    },
    {
      input: 'a.com b.com',
      code: 'invalid-target',
      message: 'Cannot check "a.com b.com": it contains a space; give one domain name or URL.',
    },
    {
      input: 'ftp://example.com/',
      code: 'unsupported-scheme',
      message: 'Cannot check "ftp://example.com/": only http and https can be checked, not ftp:.',
    },
    {
      input: 'file:///etc/passwd',
      code: 'unsupported-scheme',
      message: 'Cannot check "file:///etc/passwd": only http and https can be checked, not file:.',
    },
    {
      input: 'javascript:alert(1)',
      code: 'unsupported-scheme',
      message: 'Cannot check "javascript:alert(1)": only http and https can be checked, not javascript:.',
    },
    {
      input: 'mailto:icp@example.com',
      code: 'unsupported-scheme',
      message: 'Cannot check "mailto:icp@example.com": only http and https can be checked, not mailto:.',
    },
    {
      input: 'ws://example.com',
      code: 'unsupported-scheme',
      message: 'Cannot check "ws://example.com": only http and https can be checked, not ws:.',
    },
    {
      input: 'https://admin:secret@example.com/',
      code: 'credentials-in-url',
      message: 'Cannot check "https://admin:secret@example.com/": remove the user name and password from the URL.',
    },
    {
      input: 'admin@example.com',
      code: 'credentials-in-url',
      message: 'Cannot check "admin@example.com": remove the user name and password from the URL.',
    },
    {
      input: 'admin:secret@example.com',
      code: 'credentials-in-url',
      message: 'Cannot check "admin:secret@example.com": remove the user name and password from the URL.',
    },
    {
      input: 'example.com:99999',
      code: 'invalid-target',
      message: 'Cannot check "example.com:99999": "99999" is not a valid port; a port is a number from 1 to 65535.',
    },
    {
      input: 'example.com:0',
      code: 'invalid-target',
      message: 'Cannot check "example.com:0": "0" is not a valid port; a port is a number from 1 to 65535.',
    },
    {
      input: 'example.com:http',
      code: 'invalid-target',
      message: 'Cannot check "example.com:http": "http" is not a valid port; a port is a number from 1 to 65535.',
    },
    {
      input: 'http://example.com:8o/',
      code: 'invalid-target',
      message: 'Cannot check "http://example.com:8o/": "8o" is not a valid port; a port is a number from 1 to 65535.',
    },
    {
      input: `${'a'.repeat(64)}.com`,
      code: 'invalid-target',
      message: `Cannot check "${'a'.repeat(64)}.com": "aaaaaaaaaaaaaaaaaaaa…" is 64 characters long; each part of a domain name has at most 63.`,
    },
    {
      input: `${'abcdefghij.'.repeat(25)}com`,
      code: 'invalid-target',
      message: `Cannot check "${'abcdefghij.'.repeat(25)}com": the name is 278 characters long; a domain name has at most 253.`,
    },
    {
      input: 'ex_ample.com',
      code: 'invalid-target',
      message:
        'Cannot check "ex_ample.com": "ex_ample.com" contains characters a domain name cannot have (only letters, digits, hyphens and dots).',
    },
    {
      input: 'example.com,',
      code: 'invalid-target',
      message:
        'Cannot check "example.com,": "example.com," contains characters a domain name cannot have (only letters, digits, hyphens and dots).',
    },
    {
      input: 'example.com，',
      code: 'invalid-target',
      message:
        'Cannot check "example.com，": "example.com," contains characters a domain name cannot have (only letters, digits, hyphens and dots).',
    },
    {
      input: '-shop.example.com',
      code: 'invalid-target',
      message:
        'Cannot check "-shop.example.com": "-shop.example.com" contains characters a domain name cannot have (only letters, digits, hyphens and dots).',
    },
    {
      input: 'example..com',
      code: 'invalid-target',
      message: 'Cannot check "example..com": "example..com" has an empty part between dots.',
    },
    {
      input: 'example.com<br>',
      code: 'invalid-target',
      message:
        'Cannot check "example.com<br>": "example.com<br>" contains characters a domain name cannot have (only letters, digits, hyphens and dots).',
    },
    {
      input: 'localhost',
      code: 'invalid-target',
      message: 'Cannot check "localhost": "localhost" has no dot; give a full domain name such as example.com.',
    },
    {
      input: 'intranet:8080',
      code: 'invalid-target',
      message: 'Cannot check "intranet:8080": "intranet" has no dot; give a full domain name such as example.com.',
    },
    { input: 'http://', code: 'invalid-target', message: 'Cannot check "http://": there is no host name in it.' },
    {
      input: '1.2.3.999',
      code: 'invalid-target',
      message: 'Cannot check "1.2.3.999": "1.2.3.999" is not a valid IP address.',
    },
    { input: '[::1', code: 'invalid-target', message: 'Cannot check "[::1": "[::1" is not a valid IPv6 address.' },
  ])('refuses $input', ({ input, code, message }) => {
    let error: unknown;
    try {
      parseTarget(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TargetError);
    expect(error).toMatchObject({ code, message });
  });
});
