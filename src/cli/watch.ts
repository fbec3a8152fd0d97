import type { Command } from 'commander';

/** Options every `watch` sub-command takes. */
export interface WatchFlags {
  dataDir?: string;
  json?: boolean;
  expect?: string;
  owner?: string;
  every?: string;
  format?: string;
  limit?: string;
  for?: string;
  due?: boolean;
}

type Action = (args: string[], flags: WatchFlags) => Promise<number>;

// The actions (store, footer check, scheduler) load only when a watch command runs.
function lazily(name: 'add' | 'list' | 'remove' | 'import' | 'export' | 'history' | 'run' | 'mute' | 'unmute') {
  return async (...params: unknown[]) => {
    // Commander calls an action with the arguments, then the options, then the command itself.
    const flags = params[params.length - 2] as WatchFlags;
    const args = params.slice(0, -2).filter((p): p is string => typeof p === 'string');
    const actions = (await import('./watch-actions.js')).WATCH_ACTIONS as unknown as Record<string, Action>;
    process.exitCode = await (actions[name] as Action)(args, flags ?? {});
  };
}

const DATA_DIR = [
  '--data-dir <dir>',
  'data folder for the embedded database (default: $BEIAN_DATA_DIR or ./data)',
] as const;

/** Registers `beian watch …`: the footer watch list, its history, and one monitoring round on demand. */
export function registerWatchCommand(program: Command): void {
  const watch = program
    .command('watch')
    .description('watch homepage footers: re-check them on a schedule and alert when they get worse');
  watch
    .command('add')
    .argument('<target>', 'domain or URL to watch')
    .description('watch a site (again: update its settings)')
    .option('--expect <number>', 'the number on record, e.g. 京ICP备05004398号-1')
    .option('--owner <owner>', 'who hears about changes: a Slack user ID (U0123ABCD) or @name')
    .option('--every <interval>', 'how often: 30m, 6h, 1d, 1w (default: $BEIAN_WATCH_DEFAULT_EVERY or 1d)')
    .option(...DATA_DIR)
    .action(lazily('add'));
  watch
    .command('list')
    .description('the watched sites: interval, last verdict, when last checked and next due')
    .option('--json', 'one JSON object a line')
    .option(...DATA_DIR)
    .action(lazily('list'));
  watch
    .command('remove')
    .argument('<target>', 'the watched domain or URL')
    .description('stop watching a site (its history goes too)')
    .option(...DATA_DIR)
    .action(lazily('remove'));
  watch
    .command('import')
    .argument('<file>', 'CSV: target, expected number, owner, interval (a header line is optional; - for stdin)')
    .description('add or update many watches at once; a file with any bad line imports nothing')
    .option(...DATA_DIR)
    .action(lazily('import'));
  watch
    .command('export')
    .description('the watch list as CSV (which `watch import` reads back) or JSON')
    .option('--format <format>', 'csv or json', 'csv')
    .option(...DATA_DIR)
    .action(lazily('export'));
  watch
    .command('history')
    .argument('<target>', 'the watched domain or URL')
    .description("a site's checks, oldest first: verdict, number, what was found")
    .option('--limit <n>', 'the latest N checks (default 50)')
    .option('--json', 'one JSON object a line')
    .option(...DATA_DIR)
    .action(lazily('history'));
  watch
    .command('mute')
    .argument('<target>', 'the watched domain or URL')
    .description('no alerts for a while (checks and history go on)')
    .option('--for <interval>', 'how long: 1h, 1d, 1w', '1w')
    .option(...DATA_DIR)
    .action(lazily('mute'));
  watch
    .command('unmute')
    .argument('<target>', 'the watched domain or URL')
    .description('alerts again')
    .option(...DATA_DIR)
    .action(lazily('unmute'));
  watch
    .command('run')
    .description('one monitoring round now: check every watch (re-checks included), print alerts')
    .option('--due', 'only the watches that are due')
    .option('--json', 'alerts as one JSON object a line')
    .option(...DATA_DIR)
    .action(lazily('run'));
}
