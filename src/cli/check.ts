import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { allowEntryProblem } from '../core/footer/fetch/address-policy.js';
import { lazyAction } from './lazy-action.js';

/** Options of `beian check`. */
export interface CheckFlags {
  json?: boolean;
  render?: boolean;
  allowPrivateNetwork?: boolean;
  allowPrivate?: string[];
  timeout?: string;
  maxBytes?: string;
  expect?: string;
  concurrency?: string;
  file?: string;
  queue?: string;
  wait?: boolean;
  screenshot?: string;
}

/** Registers `beian check [options] TARGET...`: homepage footer checks, one report per target. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('check homepage footers for the ICP filing number (备案号) and its link')
    .argument('[targets...]', 'domains or URLs to check')
    .option('--json', 'one JSON object a line, one line per target, in input order')
    .option('--render', 'judge the page as rendered by headless Chromium (for JavaScript-drawn footers)')
    .option('--screenshot <dir>', 'with --render: write a JPEG of each footer, number and link outlined, into DIR')
    .option('--allow-private-network', "allow the target's own private address (your own staging sites)")
    .option('--allow-private <list>', 'also allow these CIDRs and hosts, comma-separated', collectAllowList)
    .option('--timeout <seconds>', 'time limit per target (default: $BEIAN_CHECK_TIMEOUT_SECONDS or 20)')
    .option('--max-bytes <n>', 'largest page read, in bytes (default: $BEIAN_MAX_PAGE_BYTES or 5 MB)')
    .option('--expect <number>', 'the number on record, e.g. 京ICP备05004398号-1')
    .option('--concurrency <n>', 'targets checked at once (default: $BEIAN_CHECK_CONCURRENCY or 8)')
    .option('--file <file>', 'read targets from a file, one a line (# comments; - for stdin)')
    .option('--queue <file>', 'enqueue the targets in FILE for `beian worker` processes (needs DATABASE_URL)')
    .option('--wait', 'with --queue: wait for the results and print them as JSON Lines, in input order')
    .action(lazyAction(() => import('./check-action.js'), 'runCheckCommand'));
}

/** Commander's parser for a repeatable, comma-separated --allow-private. */
function collectAllowList(value: string, previous: string[] = []): string[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const problem = entries.map(allowEntryProblem).find((p) => p !== null);
  if (problem) throw new UsageError(`--allow-private: ${problem}`);
  return [...previous, ...entries];
}
