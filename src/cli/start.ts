import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Registers `beian start` (what `npm start` runs): Slack when credentials are set, else the local console. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the bot: Slack when SLACK_* credentials are set (.env is read), else an interactive console')
    .addHelpText('after', '\nExamples:\n  npm start\n  echo "备案号会过期吗" | beian start')
    .action(lazyAction(() => import('./start-action.js'), 'runStart'));
}
