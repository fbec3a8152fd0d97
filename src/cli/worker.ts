import type { Command } from 'commander';

/** Registers `beian worker` and `beian queue status`; their actions (and the database drivers) load when they run. */
export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description('check the footers queued with `beian check --queue` (run as many as you like, on any machines)')
    .option('--concurrency <n>', 'checks at once in this process (default: $BEIAN_CHECK_CONCURRENCY or 8)')
    .action(async (flags: { concurrency?: string }) => {
      const { runWorker } = await import('./run-worker.js');
      process.exitCode = await runWorker(flags);
    });
  program
    .command('queue')
    .description('the job queue of footer checks')
    .command('status')
    .description('how many queued checks are waiting, under way, done and on the dead-letter list')
    .option('--json', 'the counts as one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const { showQueueStatus } = await import('./run-worker.js');
      process.exitCode = await showQueueStatus(flags);
    });
}
