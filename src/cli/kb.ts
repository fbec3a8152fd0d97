import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Registers `beian kb lint|stats|export|import|drafts`. */
export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('check, summarise, export and import the knowledge base');
  kb.command('lint')
    .description('validate every knowledge file; exit 1 listing each problem as file:line: message')
    .action(lazyAction(() => import('./kb-action.js'), 'runKbLint'));
  kb.command('stats')
    .description('entries per topic and alternate questions per entry')
    .option('--json', 'print JSON')
    .action(lazyAction(() => import('./kb-action.js'), 'runKbStats'));
  kb.command('export')
    .description('print the whole knowledge base as JSON')
    .action(lazyAction(() => import('./kb-action.js'), 'runKbExport'));
  registerKbImportCommand(kb);
  registerKbDraftsCommand(kb);
}

/** Registers `beian kb drafts list|export DIR`: the drafts captured from Slack. */
function registerKbDraftsCommand(kb: Command): void {
  const dataDir = [
    '--data-dir <dir>',
    'data folder for the embedded database (default: $BEIAN_DATA_DIR or ./data)',
  ] as const;
  const drafts = kb
    .command('drafts')
    .description('drafts captured from Slack (Save as FAQ answer, 📖), kept in the database until exported');
  drafts
    .command('list')
    .description('list the captured drafts, oldest first')
    .option('--json', 'print JSON')
    .option(...dataDir)
    .action(lazyAction(() => import('./kb-drafts.js'), 'runKbDraftsList'));
  drafts
    .command('export')
    .argument('<dir>', 'where to write them, as <topic>/<id>.md (the knowledge folder itself, or a review folder)')
    .description('write each draft as a knowledge file that lint accepts once its reviewed date is added')
    .option(...dataDir)
    .action(lazyAction(() => import('./kb-drafts.js'), 'runKbDraftsExport'));
}

/** Registers `beian kb import PAGE… --out DIR` under `beian kb`. */
function registerKbImportCommand(kb: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  kb.command('import')
    .description("turn providers' FAQ or guide pages (markdown) into draft entries for a person to review")
    .argument('<pages...>', 'the pages, markdown')
    .option(
      '--out <dir>',
      'where to write the drafts; a folder of earlier drafts is added to, never clobbered',
      'drafts',
    )
    .option('--source-title <title>', "source.title, once per page in order (default: the page's own title)", collect)
    .option('--source-url <url>', 'source.url, once per page in order; relative links are resolved against it', collect)
    .option('--topic <topic>', 'topic for every draft (default: guessed from clear evidence, or left for the reviewer)')
    .option('--force', "re-import a page already in --out: replaces that page's unreviewed drafts, and only those")
    .addHelpText(
      'after',
      '\nExamples:\n  beian kb import faq.md --source-url https://cloud.tencent.com/document/product/243 --out drafts\n' +
        '  beian kb import a.md b.md --source-url https://x.example/a --source-url https://x.example/b --out drafts',
    )
    .action(lazyAction(() => import('./kb-import.js'), 'runKbImport'));
}
