import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { UsageError } from '../core/errors.js';
import { createBotCore, serveSlack } from '../main.js';

/** `beian serve`: the Slack bot only (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT). */
export async function runServe(_options: unknown, command: Command): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (!config.slack) {
    throw new UsageError(
      'serve needs Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode); see .env.example',
    );
  }
  const { knowledge } = command.optsWithGlobals<{ knowledge?: string }>();
  const knowledgeDir = knowledge ?? config.knowledgeDir;
  const core = await createBotCore(config, knowledgeDir);
  const { startWatching } = await import('./watch-runtime.js');
  // The scheduler starts once Slack serves, so its alerts go to Slack (channel and owners' DMs).
  await serveSlack(config, core, knowledgeDir, ({ alertSink }) => startWatching(config, alertSink));
}
