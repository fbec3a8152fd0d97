import { describe, expect, it } from 'vitest';
import { escapeTerminal, stringifyForTerminal } from '../../src/cli/terminal-text.js';

describe('escapeTerminal', () => {
  it.each([
    [
      'plain text and Chinese',
      '京ICP备05004398号-1 → https://beian.miit.gov.cn/',
      '京ICP备05004398号-1 → https://beian.miit.gov.cn/',
    ],
    ['a screen clear', 'a\u001b[2Jb', 'a[U+001B][2Jb'],
    ['an OSC 52 clipboard write', '\u001b]52;c;ZXZpbA==\u0007', '[U+001B]]52;c;ZXZpbA==[U+0007]'],
    ['a carriage return forging a verdict', 'x\r  ✅ pass', 'x[U+000D]  ✅ pass'],
    ['tabs and newlines', 'a\tb\nc', 'a b c'],
    ['DEL and an 8-bit CSI', '\u007f\u009b31m', '[U+007F][U+009B]31m'],
    ['bidi overrides and isolates', '\u202Aa\u202Eb\u2066c\u2069', '[U+202A]a[U+202E]b[U+2066]c[U+2069]'],
    ['a zero-width space', 'a\u200Bb', 'a[U+200B]b'],
    ['a format character beyond U+FFFF (a tag)', 'a\u{E0041}', 'a[U+E0041]'],
  ])('makes %s inert', (_name, text, shown) => {
    expect(escapeTerminal(text)).toBe(shown);
  });
});

describe('stringifyForTerminal', () => {
  const value = { href: 'https://x.cn/\u001b[2J\r\u007f\u0085\u009b\u202E\u2066\u{E0041}', text: '京ICP备' };

  it('writes DEL, C1 controls and format characters as escapes, which JSON.stringify leaves raw', () => {
    expect(JSON.stringify(value)).toMatch(/[\u007f-\u009f\u202e]/u);
    const line = stringifyForTerminal(value);
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(line).toContain('\\u007f\\u0085\\u009b\\u202e\\u2066\\udb40\\udc41');
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(stringifyForTerminal(value))).toEqual(value);
  });
});
