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

/** The knowledge a core answers from: a knowledge base and the matcher built over it, replaced as one. */
export interface Knowledge {
  kb: KnowledgeBase;
  matcher: Matcher;
}

/** A bot core whose knowledge can be replaced while it serves (the knowledge folder is watched). */
export interface ReloadableBotCore extends BotCore {
  /** Swaps in `next` in one assignment: a question being answered keeps the knowledge base it started with. */
  replaceKnowledge(next: Knowledge): void;
}

/** A core over `initial` whose `kb` and `matcher` always come from the same, latest, Knowledge. */
export function createReloadableCore(initial: Knowledge, checkFooter: BotCore['checkFooter']): ReloadableBotCore {
  let current = initial;
  return {
    get kb() {
      return current.kb;
    },
    get matcher() {
      return current.matcher;
    },
    checkFooter,
    replaceKnowledge(next) {
      current = next;
    },
  };
}
