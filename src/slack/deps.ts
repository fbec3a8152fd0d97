import type { InstallationStore, Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotCore } from '../core/bot-core.js';
import type { WatchStore } from '../core/watch/watch-store-port.js';
import type { DraftStore } from '../store/draft-store.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { Claims, TrafficLog } from '../store/ports.js';
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
  /** Questions asked and suggestions picked, for `beian kb suggest`; absent, nothing is recorded. */
  traffic?: TrafficLog;
  /** How useful people found each entry (feedback), for the suggested questions; cached. */
  usefulEntries: () => Promise<ReadonlyMap<string, number>>;
  /** Installations of a distributed app (OAuth); unset in single-workspace mode. */
  installations?: InstallationStore;
}
