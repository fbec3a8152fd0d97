import { utcDay } from '../core/knowledge/freshness.js';
import type { MatchResult } from '../core/match/types.js';
import type { ConsoleIo } from './console.js';

// The console is one person at one terminal: every question and pick is theirs, in no channel or thread.
const CONSOLE_USER = 'console';

/** Today on the console's clock, `YYYY-MM-DD`. */
export function today(io: Pick<ConsoleIo, 'now'>): string {
  return utcDay(io.now?.() ?? new Date());
}

/** Records a console question with what was shown, when the console has a traffic log. */
export async function recordConsoleAsked(io: Pick<ConsoleIo, 'now' | 'traffic'>, result: MatchResult): Promise<void> {
  await io.traffic
    ?.record({
      kind: 'asked',
      at: (io.now?.() ?? new Date()).toISOString(),
      user: CONSOLE_USER,
      channel: null,
      thread: null,
      question: result.question,
      answeredEntryId: result.answered ? (result.best?.id ?? null) : null,
      confidence: result.confidence,
      suggestionIds: result.suggestions.map((s) => s.id),
    })
    .catch(ignore);
}

/** Records a suggestion picked by its number, when the console has a traffic log. */
export async function recordConsolePicked(io: Pick<ConsoleIo, 'now' | 'traffic'>, entryId: string): Promise<void> {
  await io.traffic
    ?.record({
      kind: 'picked',
      at: (io.now?.() ?? new Date()).toISOString(),
      user: CONSOLE_USER,
      channel: null,
      thread: null,
      entryId,
    })
    .catch(ignore);
}

// Evidence lost is no reason to keep a person from their answer; the console has no log to tell.
function ignore(): void {}
