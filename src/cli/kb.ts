import type { Command } from 'commander';
import { lazyAction } from './lazy-action.js';

/** Registers `beian kb lint|stats|export|import|drafts|suggest|digest`. */
export function registerKbCommand(program: Command): void {
  const kb = program.command('kb').description('check, summarise, export and import the knowledge base');
  kb.command('lint')
    .description('validate every knowledge file; exit 1 listing each problem as file:line: message')
    .option('--stale', 'also list entries past due for review (reviewed + review_every) with owners; exit 1 if any')
    .option('--today <date>', 'with --stale: judge staleness on this day (YYYY-MM-DD) instead of today')
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
  registerKbLearningCommands(kb);
}

/** Registers `beian kb suggest` and `beian kb digest`: what traffic teaches, and the weekly digest. */
function registerKbLearningCommands(kb: Command): void {
  const dataDir = ['--data-dir <dir>', 'data folder (default: $BEIAN_DATA_DIR or ./data)'] as const;
  kb.command('suggest')
    .description(
      'review list from traffic: new alternate questions per entry, clusters of unanswered questions, entries often 👎 or escalated',
    )
    .option('--json', 'print the review list as JSON')
    .option('--days <n>', 'only traffic of the last N days')
    .option('--apply', 'write the proposed alternates into the entry files (a reviewable diff; lint must pass)')
    .option('--only <keys>', 'with --apply: only these alternates, comma-separated keys as listed (entry#hash)')
    .option(...dataDir)
    .action(lazyAction(() => import('./kb-suggest.js'), 'runKbSuggest'));
  kb.command('digest')
    .description(
      'the weekly knowledge digest: most asked unanswered questions, stale entries with owners, least helpful entries',
    )
    .option('--days <n>', 'the period it covers, in days', '7')
    .option('--post', 'post it to $BEIAN_DIGEST_CHANNEL with $SLACK_BOT_TOKEN instead of printing it')
    .option('--json', 'print it as JSON')
    .option(...dataDir)
    .action(lazyAction(() => import('./kb-digest.js'), 'runKbDigest'));
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
