import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/slack/logger.js';
import { createLanguageResolver, DEFAULT_LANG } from '../../src/slack/user-language.js';

const logger = createLogger('error', { write: () => undefined });

/** A client whose users.info answers from `locales` (an Error rejects), counting calls per user. */
function clientWith(locales: Record<string, string | Error | 'hang'>) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        const locale = locales[user];
        if (locale instanceof Error) throw locale;
        if (locale === 'hang') return new Promise(() => undefined);
        return { ok: true, user: { id: user, locale } };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe('createLanguageResolver', () => {
  it.each([
    ['zh-CN', 'does it expire?', 'zh-CN'],
    ['en-US', '备案号会过期吗', 'en'],
    ['ja-JP', '备案号会过期吗', 'zh-CN'],
    ['ja-JP', 'does it expire?', 'en'],
    ['ja-JP', undefined, DEFAULT_LANG],
  ] as const)('locale %s with question %j gives %s', async (locale, text, lang) => {
    const { client } = clientWith({ U1: locale });
    const resolver = createLanguageResolver({ logger });
    expect((await resolver.catalogueFor(client, 'U1', text)).lang).toBe(lang);
  });

  it('falls back to the question when users.info fails, and remembers the failure until the TTL passes', async () => {
    let now = 0;
    const error = Object.assign(new Error('An API error occurred: user_not_found'), {
      data: { error: 'user_not_found' },
    });
    const { client, calls } = clientWith({ UX: error });
    const resolver = createLanguageResolver({ logger, ttlMs: 1000, now: () => now });
    expect((await resolver.catalogueFor(client, 'UX', '备案号会过期吗')).lang).toBe('zh-CN');
    expect((await resolver.catalogueFor(client, 'UX', 'does it expire?')).lang).toBe('en');
    expect(calls).toEqual(['UX']);
    now = 1001;
    await resolver.catalogueFor(client, 'UX', 'does it expire?');
    expect(calls).toEqual(['UX', 'UX']);
  });

  it('keeps at most maxUsers, forgetting the longest-unseen first', async () => {
    const { client, calls } = clientWith({ U1: 'en-US', U2: 'en-US', U3: 'zh-CN' });
    const resolver = createLanguageResolver({ logger, maxUsers: 2 });
    for (const user of ['U1', 'U2', 'U3', 'U3', 'U2', 'U1']) await resolver.catalogueFor(client, user);
    // U1 was pushed out by U3; U2 and U3 were still remembered.
    expect(calls).toEqual(['U1', 'U2', 'U3', 'U1']);
  });

  it('does not wait past timeoutMs for a slow users.info, and does not remember the miss', async () => {
    const { client, calls } = clientWith({ U1: 'hang' });
    const resolver = createLanguageResolver({ logger, timeoutMs: 30 });
    // users.info never answers here: resolving at all means the resolver stopped waiting.
    expect((await resolver.catalogueFor(client, 'U1', 'does it expire?')).lang).toBe('en');
    await resolver.catalogueFor(client, 'U1', 'does it expire?');
    expect(calls).toEqual(['U1', 'U1']);
  });
});
