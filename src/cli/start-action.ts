import type { Command } from 'commander';
import { main } from '../main.js';

/** `beian start`: Slack when credentials are set, else the local console. */
export async function runStart(_options: unknown, command: Command): Promise<void> {
  const { knowledge } = command.optsWithGlobals<{ knowledge?: string }>();
  await main(knowledge === undefined ? {} : { knowledgeDir: knowledge });
}
