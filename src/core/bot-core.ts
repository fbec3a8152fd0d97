import type { CheckOptions, FooterReport } from './footer/types.js';
import type { KnowledgeBase } from './knowledge/types.js';
import type { Matcher } from './match/types.js';

/** Everything an adapter (Slack, the console, the CLI) needs from the core, built once in main.ts. */
export interface BotCore {
  kb: KnowledgeBase;
  matcher: Matcher;
  /** Never throws for a bad or unreachable target: that is an `inconclusive` report. */
  checkFooter(target: string, options?: CheckOptions): Promise<FooterReport>;
}
