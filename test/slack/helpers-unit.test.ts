import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, parseFooterTargets } from '../../src/slack/footer-targets.js';
import { yieldToAcks } from '../../src/slack/guard.js';
import { mapBounded } from '../../src/slack/listeners/commands/footer-check.js';
import { createLogger, redactSecrets } from '../../src/slack/logger.js';
import { en } from '../../src/slack/messages/en.js';
import { looksLikeQuestion, stripMentions } from '../../src/slack/question-text.js';

describe('looksLikeQuestion', () => {
  it.each([
    ['备案号会过期吗', true],
    ['备案号会过期？', true],
    ['公安备案怎么办理', true],
    ['如何注销备案', true],
    ['备案是什么', true],
    ['how do I file?', true],
    ['How long does it take', true],
    ['can we use one number for two sites', true],
    ['What is a shell site', true],
    ['我们今天上线了新网站', false],
    ['deployed the new footer', false],
    ['', false],
    ['   ', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});

describe('stripMentions', () => {
  it.each([
    ['<@U0BOT> 备案号会过期吗', '备案号会过期吗'],
    ['hi <@U0BOT|beian>  what   now', 'hi what now'],
    ['<@U0BOT>', ''],
  ])('%j → %j', (text, expected) => {
    expect(stripMentions(text)).toBe(expected);
  });
});

describe('parseFooterTargets', () => {
  it.each([
    ['example.com', ['example.com']],
    ['a.cn b.cn, c.cn，d.cn', ['a.cn', 'b.cn', 'c.cn', 'd.cn']],
    ['<https://example.com|example.com>', ['https://example.com']],
    ['<http://example.com>', ['http://example.com']],
    ['a.cn a.cn', ['a.cn']],
    ['<mailto:x@y.cn|x@y.cn> a.cn', ['a.cn']],
  ])('%j → %j', (text, expected) => {
    expect(parseFooterTargets(text, '/footer-check', en)).toEqual({ ok: true, targets: expected });
  });

  it('asks for a target when none is given', () => {
    expect(parseFooterTargets('  ', '/footer-check', en)).toEqual({
      ok: false,
      error: 'Tell me which site to check, e.g. `/footer-check example.com` (several may follow).',
    });
  });

  it('refuses more than the maximum, saying how many were given', () => {
    const text = Array.from({ length: MAX_TARGETS + 2 }, (_, i) => `s${i}.cn`).join(' ');
    expect(parseFooterTargets(text, '/footer-check', en)).toEqual({
      ok: false,
      error: `I check at most ${MAX_TARGETS} sites at a time; you gave ${MAX_TARGETS + 2}.`,
    });
  });
});

describe('createLogger', () => {
  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at %s writes %j', (level, expected) => {
    const lines: string[] = [];
    const logger = createLogger(level, { write: (l) => lines.push(l) });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => l.split(' ')[1]?.toLowerCase())).toEqual(expected);
  });

  it('never writes tokens or the signing secret, even inside errors and objects', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (l) => lines.push(l), secrets: ['my-signing-secret'] });
    logger.error(new Error('bad token xoxb-123-456-abc'), { headers: { authorization: 'Bearer xoxp-9-9' } });
    logger.info('app token xapp-1-A1-2-ff, secret my-signing-secret');
    const text = lines.join('');
    expect(text).not.toMatch(/xox[bp]-|xapp-|my-signing-secret/);
    expect(text).toContain('[redacted]');
  });

  it('redactSecrets leaves ordinary text alone', () => {
    expect(redactSecrets('备案 ok, xoxo hugs')).toBe('备案 ok, xoxo hugs');
  });
});

describe('mapBounded', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n * 5));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe('yieldToAcks', () => {
  it('gives each waiting job its own event-loop turn, with other callbacks run in between', async () => {
    const order: string[] = [];
    const a = yieldToAcks().then(() => {
      order.push('job a');
      setImmediate(() => order.push('callback queued by a'));
    });
    const b = yieldToAcks().then(() => order.push('job b'));
    await Promise.all([a, b]);
    expect(order).toEqual(['job a', 'callback queued by a', 'job b']);
  });
});
