import type { Logger } from '@slack/bolt';

/** Options for keepServingThroughStrayErrors. */
export interface LastResortOptions {
  logger: Logger;
  /** Where the listeners go; the real process in `beian serve`. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** More stray errors than this within `windowMs` means something is broken for good: exit so a supervisor restarts. */
  maxErrors?: number;
  windowMs?: number;
  exit?: (code: number) => void;
  now?: () => number;
}

/**
 * The Slack bot's last line of defence: an error no handler caught (`uncaughtException`, `unhandledRejection`)
 * is logged with its detail and the bot keeps serving. Returns a function that removes it.
 *
 * Why carrying on is safe here, although Node warns a process may be left in an undefined state: each request's
 * work is its own async chain and none holds a lock, a transaction or a half-written file another request reads
 * (the feedback store appends whole lines through a promise chain that catches; the dedupe maps change in single
 * synchronous steps), so an error escaping one request leaves nothing shared half-changed. The strays met so far
 * come from library code between our handlers (Bolt reading a signed `null` body). Exiting instead would drop
 * every other reply in flight and let anyone who can send one bad request restart the bot at will. A burst of
 * strays (more than `maxErrors` in `windowMs`) says the process itself may be broken, not one request: then it
 * exits with status 1 for the supervisor to restart, rather than stay up answering nothing.
 * Only `beian serve` installs it; one-shot CLI commands and the core still fail loudly.
 */
export function keepServingThroughStrayErrors(options: LastResortOptions): () => void {
  const target = options.target ?? process;
  const maxErrors = options.maxErrors ?? 20;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let recent: number[] = [];
  let exiting = false;

  const onStray = (kind: string) => (error: unknown) => {
    const at = now();
    recent = [...recent.filter((t) => at - t < windowMs), at];
    options.logger.error(`${kind} (kept serving; this is a bug, please report it):`, error);
    if (recent.length > maxErrors && !exiting) {
      exiting = true;
      options.logger.error(`${recent.length} stray errors within ${Math.round(windowMs / 1000)} s; exiting`);
      exit(1);
    }
  };
  const onException = onStray('Uncaught exception');
  const onRejection = onStray('Unhandled promise rejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
