import type { Logger, webApi } from '@slack/bolt';
import { type Catalogue, catalogueFor, type Lang, langOfLocale, langOfText } from './messages/catalogue.js';

/** The language when neither the person's locale nor a question says: most people asking about 备案 read Chinese. */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Options for createLanguageResolver. */
export interface LanguageResolverOptions {
  logger: Logger;
  /** How long a looked-up locale (or the lack of one) is trusted. */
  ttlMs?: number;
  /** Most people remembered; the oldest is forgotten first. */
  maxUsers?: number;
  /** Longest wait for users.info before falling back, so a slow Slack cannot push an ack past 3 seconds. */
  timeoutMs?: number;
  now?: () => number;
}

/** Picks the catalogue for a person: their Slack locale, else the question's language, else DEFAULT_LANG. */
export interface LanguageResolver {
  /** Never throws: any failure of users.info falls back to `text`'s language. */
  catalogueFor(client: webApi.WebClient, user: string | undefined, text?: string): Promise<Catalogue>;
}

interface Known {
  lang: Lang | null;
  at: number;
}

/** Builds a resolver with a bounded, expiring cache of `users.info` locales (`include_locale: true`). */
export function createLanguageResolver(options: LanguageResolverOptions): LanguageResolver {
  const ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
  const maxUsers = options.maxUsers ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 1000;
  const now = options.now ?? Date.now;
  const known = new Map<string, Known>();

  const remember = (user: string, lang: Lang | null) => {
    known.delete(user);
    known.set(user, { lang, at: now() });
    // A Map iterates in insertion order, so the first key is the one looked up longest ago.
    while (known.size > maxUsers) known.delete(known.keys().next().value as string);
  };

  const lookUp = async (client: webApi.WebClient, user: string): Promise<Lang | null | 'unknown'> => {
    const cached = known.get(user);
    if (cached && now() - cached.at < ttlMs) return cached.lang;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const info = client.users.info({ user, include_locale: true });
      const result = await Promise.race([info, timeout]);
      if (result === 'timeout') {
        info.catch(() => undefined);
        options.logger.warn(`users.info for ${user} took over ${timeoutMs} ms; using the question's language`);
        return 'unknown';
      }
      const lang = langOfLocale(result.user?.locale);
      remember(user, lang);
      return lang;
    } catch (error) {
      // People from other organisations (Slack Connect) are not visible to users.info: remember that too.
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      options.logger.debug(`users.info for ${user} failed (${code}); using the question's language`);
      remember(user, null);
      return null;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async catalogueFor(client, user, text) {
      const fromLocale = user ? await lookUp(client, user) : null;
      if (fromLocale && fromLocale !== 'unknown') return catalogueFor(fromLocale);
      return catalogueFor(text !== undefined && text.trim() !== '' ? langOfText(text) : DEFAULT_LANG);
    },
  };
}
