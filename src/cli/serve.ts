import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import { createBotCore } from '../main.js';
import { keepServingThroughStrayErrors } from '../slack/last-resort.js';

/** Registers `beian serve`: the Slack bot only (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on $PORT (.env is read)')
    .action(async (_options: unknown, command: Command) => {
      if (existsSync('.env')) process.loadEnvFile('.env');
      const config = loadConfig(process.env);
      if (!config.slack) {
        throw new UsageError(
          'serve needs Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode); see .env.example',
        );
      }
      const { knowledge } = command.optsWithGlobals<{ knowledge?: string }>();
      const core = await createBotCore(config, knowledge ?? config.knowledgeDir);
      // Loaded here, not at the top: Bolt is half the start-up of every other command (bench/startup.bench.ts).
      const { startSlack } = await import('../slack/start.js');
      const bot = await startSlack(config, core);
      // Installed once serving: a failure to start must still end the process loudly.
      const removeLastResort = keepServingThroughStrayErrors({ logger: bot.logger });
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      await bot.stop();
      removeLastResort();
    });
}
