import { Command, CommanderError } from 'commander';
import { BeianError } from '../core/errors.js';
import { registerAskCommand } from './ask.js';
import { registerCheckCommand } from './check.js';
import { registerDbCommand } from './db.js';
import { registerEvalCommand } from './eval.js';
import { registerKbCommand } from './kb.js';
import { registerReportCommand } from './report.js';
import { registerServeCommand } from './serve.js';
import { registerStartCommand } from './start.js';
import { registerWatchCommand } from './watch.js';
import { registerQueueCommands } from './worker.js';

/**
 * The `beian` command line. Each command registers itself here from its own light file (name, arguments, options,
 * help) and imports its action module only when it runs, through `lazyAction` (lazy-action.ts), so `beian --help`
 * loads no heavy dependency (test/cli/lazy-commands.test.ts). Errors reach the person as one line on stderr and a
 * non-zero exit.
 */
export function createProgram(): Command {
  const program = new Command('beian')
    .description('ICP filing (备案) answers and homepage footer checks, from the terminal')
    .option('--knowledge <dir>', 'knowledge folder (default: $BEIAN_KNOWLEDGE_DIR or the bundled one)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerAskCommand(program);
  registerCheckCommand(program);
  registerKbCommand(program);
  registerStartCommand(program);
  registerEvalCommand(program);
  registerReportCommand(program);
  registerServeCommand(program);
  registerDbCommand(program);
  registerQueueCommands(program);
  registerWatchCommand(program);
  return program;
}

async function run(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof BeianError) {
      process.stderr.write(`beian: ${error.message}\n`);
      return error.code === 'usage' ? 2 : 1;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv);
