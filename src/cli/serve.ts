import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Registers `beian serve`: the Slack bot only (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT (.env is read)')
    .action(lazyAction(() => import('./serve-action.js'), 'runServe'));
}
