import { en } from './en.js';
import { zhCN } from './zh-cn.js';

/** The languages the bot's chrome is written in. */
export type Lang = 'zh-CN' | 'en';

/** Every sentence, label and heading the Slack app shows, per language; both catalogues have exactly these keys. */
export interface Catalogue {
  lang: Lang;
  // Answers
  suggestedAnswer: string;
  sharedBy: (user: string) => string;
  continued: (text: string) => string;
  source: (source: string, reviewed: string) => string;
  staleNotice: (reviewed: string) => string;
  helpful: string;
  notHelpful: string;
  shareInChannel: string;
  shareInThread: string;
  solved: string;
  needPerson: string;
  didYouMean: (title: string) => string;
  languageToggle: string;
  noAnswer: string;
  escalateTo: (mention: string) => string;
  escalateChannel: string;
  // Clicks
  thanksHelpful: string;
  thanksNotHelpful: string;
  thanksSolved: string;
  needPersonCall: (user: string, who: string) => string;
  askChannel: string;
  cannotShare: string;
  inviteMe: string;
  entryGone: string;
  sorry: string;
  // Help and App Home
  capabilityIntro: string;
  capabilityAsk: (faq: string) => string;
  capabilityFooter: (footer: string) => string;
  capabilityShortcuts: string;
  topicsHeading: string;
  emptyKnowledgeBase: string;
  helpText: string;
  homeHeader: string;
  recentChecks: string;
  noChecksYet: string;
  // Footer checks
  verdictPass: string;
  verdictWarn: string;
  verdictFail: string;
  verdictInconclusive: string;
  checking: (list: string) => string;
  checkFailed: string;
  lookUpOnMiit: (link: string) => string;
  footerCheckTitle: (summary: string) => string;
  icpFound: (number: string) => string;
  publicSecurityFound: (number: string) => string;
  otherNumbers: (numbers: string) => string;
  redirects: (count: number) => string;
  rendered: string;
  noTargets: (command: string) => string;
  tooManyTargets: (max: number, given: number) => string;
  // Shortcuts
  shortcutNoQuestion: string;
  shortcutNoLinks: string;
  shortcutInviteMe: string;
  // Workflow Builder step and footer monitoring (issue 10)
  stepNoTarget: string;
  screenshotTitle: (target: string) => string;
  screenshotAlt: (target: string) => string;
  alertRegression: (target: string) => string;
  alertRecovery: (target: string) => string;
  alertUnreachable: (target: string, since: string, count: number) => string;
  alertVerdicts: (before: string, after: string) => string;
  alertNumbers: (before: string, after: string) => string;
  alertNumber: (number: string) => string;
  noNumber: string;
  alertNewFindings: string;
  alertSite: (link: string) => string;
  alertRecheck: string;
  alertMute: string;
  alertDigest: (count: number) => string;
  alertMore: (count: number) => string;
  watchRecheckQueued: (target: string) => string;
  watchMuted: (target: string, until: string) => string;
  watchGone: (target: string) => string;
  watchUsage: (command: string) => string;
  watchAdded: (target: string, every: string) => string;
  watchUpdated: (target: string, every: string) => string;
  watchRemoved: (target: string) => string;
  watchNotFound: (target: string, command: string) => string;
  watchBadTarget: (problem: string) => string;
  watchBadNumber: (number: string) => string;
  watchListHeading: (count: number) => string;
  watchListEmpty: (command: string) => string;
  watchNotChecked: string;
  watchLastChecked: (when: string) => string;
  watchChanged: (what: string) => string;
  watchMutedUntil: (until: string) => string;
  homeWatches: string;
  homeNoWatches: (command: string) => string;
  // Capturing answers as knowledge drafts (Save as FAQ answer, 📖)
  captureTitle: string;
  captureSave: string;
  captureCancel: string;
  captureIntro: string;
  captureQuestion: string;
  captureQuestions: string;
  captureAnswer: string;
  captureId: string;
  captureTopic: string;
  captureTags: string;
  captureSourceTitle: string;
  captureSourceUrl: string;
  captureDefaultSourceTitle: string;
  captureOffer: string;
  captureOpen: string;
  captureNothing: string;
  captureCannotRead: string;
  captureSaved: (id: string, file: string) => string;
  captureIdTaken: (id: string) => string;
  // Weekly knowledge digest
  digestTitle: (since: string, until: string) => string;
  digestUnansweredHeading: string;
  digestUnansweredItem: (question: string, count: number, people: number) => string;
  digestStaleHeading: string;
  digestStaleItem: (title: string, reviewed: string, owner: string | null) => string;
  digestLeastHelpfulHeading: string;
  digestLeastHelpfulItem: (title: string, notHelpful: number, needPerson: number, helpful: number) => string;
  digestNone: string;
  digestCapture: string;
  digestReview: string;
  digestCaptureHelp: (question: string) => string;
  digestReviewHelp: (title: string, file: string, reviewed: string, owner: string | null) => string;
  // Messages tab and assistant threads
  assistantGreeting: string;
  promptsTitle: string;
  messagesTabWelcome: string;
  lookingUp: string;
  checkingSites: string;
  // A knowledge change refused by the live reload, posted to the digest channel
  reloadRefused: (problems: number) => string;
  reloadMoreProblems: (more: number) => string;
}

const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': zhCN, en };

/** The catalogue for `lang`. */
export function catalogueFor(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/** Both catalogues, for tests and for chrome that shows both languages. */
export const CATALOGUE_LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The language of a Slack locale (`zh-CN`, `zh-TW`, `en-US`, `ja-JP` …); null when the bot has no catalogue for it. */
export function langOfLocale(locale: string | undefined | null): Lang | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === 'zh') return 'zh-CN';
  if (base === 'en') return 'en';
  return null;
}

const HAN = /\p{Script=Han}/u;

/** The language a question is written in: any Han character makes it Chinese, anything else English. */
export function langOfText(text: string): Lang {
  return HAN.test(text) ? 'zh-CN' : 'en';
}
