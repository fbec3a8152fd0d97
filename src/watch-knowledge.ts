import { type FSWatcher, watch } from 'node:fs';
import { BeianError, formatProblem, KnowledgeBaseError } from './core/errors.js';
import type { KnowledgeBase } from './core/knowledge/types.js';

/** Options for watchKnowledge. */
export interface KnowledgeWatchOptions {
  dir: string;
  /** Loads and lints the folder; a KnowledgeBaseError lists every problem. */
  load: () => Promise<KnowledgeBase>;
  /** Receives each knowledge base that loaded clean. */
  apply: (kb: KnowledgeBase) => void;
  logger: { info(...msg: unknown[]): void; warn(...msg: unknown[]): void; error(...msg: unknown[]): void };
  /** How long the folder must be quiet before it is read: an editor's save or a `git pull` is many events. */
  debounceMs?: number;
  /** Told of a refused reload (its problems as file:line lines), e.g. to post them where maintainers look. */
  onRefused?: (problems: readonly string[]) => Promise<void>;
}

/** A running watch on the knowledge folder. */
export interface KnowledgeWatch {
  /** Stops watching; a reload under way still finishes. */
  close(): void;
  /** Resolves once no reload is waiting or running. */
  idle(): Promise<void>;
}

/** Default quiet time before a reload, in milliseconds. */
export const RELOAD_DEBOUNCE_MS = 300;

/**
 * Watches the knowledge folder (fs.watch, recursive, debounced): every change is loaded and linted; a clean
 * knowledge base is handed to `apply`, one with problems is refused (the old one stays) and its problems are
 * logged as file:line. Reloads never overlap: changes during one are read by the next.
 */
export function watchKnowledge(options: KnowledgeWatchOptions): KnowledgeWatch {
  const { dir, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const waiters: (() => void)[] = [];
  const settle = () => {
    if (timer !== undefined || running !== null) return;
    for (const resolve of waiters.splice(0)) resolve();
  };

  const reload = (): void => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = options
      .load()
      .then((kb) => {
        options.apply(kb);
        logger.info(`Knowledge base reloaded from ${dir}: ${kb.entries.length} entries in ${kb.topics.length} topics`);
      })
      .catch((error: unknown) => tellRefusal(options, logRefusal(dir, error, logger)))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          reload();
        } else settle();
      });
  };

  let watcher: FSWatcher | undefined;
  try {
    // Not persistent: the watch alone never keeps the process alive.
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, options.debounceMs ?? RELOAD_DEBOUNCE_MS);
    });
    watcher.on('error', (error) => logger.warn(`Stopped watching ${dir} for knowledge changes:`, error));
  } catch (error) {
    logger.warn(`Cannot watch ${dir} for knowledge changes; restart the bot to load changes:`, error);
  }

  return {
    close() {
      clearTimeout(timer);
      timer = undefined;
      watcher?.close();
      settle();
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
  };
}

// Logs why a reload was refused and returns the problems as lines.
function logRefusal(dir: string, error: unknown, logger: KnowledgeWatchOptions['logger']): string[] {
  const keep = 'still answering from the previous knowledge base';
  if (error instanceof KnowledgeBaseError) {
    const problems = error.problems.map((p) => formatProblem(p));
    const lines = problems.map((p) => `  ${p}`).join('\n');
    logger.warn(`Knowledge base in ${dir} not reloaded, ${error.problems.length} problem(s); ${keep}:\n${lines}`);
    return problems;
  }
  if (error instanceof BeianError) {
    logger.warn(`Knowledge base in ${dir} not reloaded (${error.message}); ${keep}`);
    return [error.message];
  }
  logger.error(`Knowledge base in ${dir} not reloaded; ${keep}:`, error);
  return [error instanceof Error ? error.message : String(error)];
}

// A notice that cannot be delivered is logged: the reload's outcome (old knowledge base kept) stands either way.
async function tellRefusal(options: KnowledgeWatchOptions, problems: string[]): Promise<void> {
  await options.onRefused?.(problems).catch((error: unknown) => {
    options.logger.warn('Could not post the refused knowledge reload:', error);
  });
}
