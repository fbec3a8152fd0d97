import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../src/slack/seal.js';

const key = randomBytes(32);

describe('seal / unseal (AES-256-GCM)', () => {
  it('opens what it sealed, and the sealed text does not show the token', () => {
    const sealed = seal('{"bot":{"token":"xoxb-1-2-3"}}', key, 'team:T1');
    expect(sealed).not.toContain('xoxb');
    expect(unseal(sealed, key, 'team:T1')).toBe('{"bot":{"token":"xoxb-1-2-3"}}');
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    expect(seal('same', key, 'k')).not.toBe(seal('same', key, 'k'));
  });

  it.each([
    ['another key', (s: string) => unseal(s, randomBytes(32), 'team:T1')],
    ['another row', (s: string) => unseal(s, key, 'team:T2')],
    ['an altered text', (s: string) => unseal(`${s.slice(0, -4)}AAAA`, key, 'team:T1')],
  ])('refuses %s with a sentence that names BEIAN_TOKEN_KEY and not the text', (_, open) => {
    const sealed = seal('{"token":"xoxb-secret"}', key, 'team:T1');
    expect(() => open(sealed)).toThrow(/BEIAN_TOKEN_KEY/);
    try {
      open(sealed);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('xoxb');
    }
  });

  it('refuses a text it did not make', () => {
    expect(() => unseal('plain', key, 'x')).toThrow(/not in a format/);
  });
});
