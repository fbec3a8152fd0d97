import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import type { WatchStore } from '../core/watch/watch-store-port.js';
import type { DraftStore } from '../store/draft-store.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { Claims } from '../store/ports.js';
import type { LanguageResolver } from './user-language.js';

/** What every listener factory receives. */
export interface SlackDeps {
  config: Config;
  core: BotCore;
  store: FeedbackStore;
  logger: Logger;
  /** Threads that already got an unasked (triage) reply, so a thread never gets two. */
  triaged: Claims;
  /** Each person's chrome language (Slack locale, else the question's language). */
  languages: LanguageResolver;
  /** Watched sites (/footer-watch, App Home, the alert buttons). */
  watches: WatchStore;
  /** The interval /footer-watch add uses (BEIAN_WATCH_DEFAULT_EVERY). */
  watchEveryMs: number;
  /** Knowledge drafts captured from Slack (Save as FAQ answer, 📖). */
  drafts: DraftStore;
}
