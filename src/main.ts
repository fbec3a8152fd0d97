import { existsSync } from 'node:fs';
import { runConsole } from './cli/console.js';
import { loadKnowledgeBaseForTerminal } from './cli/context.js';
import { chooseStyle } from './cli/render-markdown.js';
import { shareChromium } from './cli/shared-chromium.js';
import { type Config, loadConfig } from './config.js';
import { createReloadableCore, type ReloadableBotCore } from './core/bot-core.js';
import type { AnalysePool } from './core/footer/analyse/analyse-pool.js';
import type { PageRenderer } from './core/footer/render/types.js';
import type { CheckOptions, FooterReport } from './core/footer/types.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import { createMatcher } from './core/match/create-matcher.js';
import type { Matcher } from './core/match/types.js';
import type { AlertSink } from './core/watch/types.js';
import { type KnowledgeWatch, type KnowledgeWatchOptions, watchKnowledge } from './watch-knowledge.js';

/** What `beian start` may override. */
export interface MainOptions {
  /** `--knowledge DIR`; wins over $BEIAN_KNOWLEDGE_DIR. */
  knowledgeDir?: string;
}

/**
 * The composition root (`npm start`): .env, config, knowledge base, matcher, bot core; then Slack when
 * credentials are set (until SIGTERM/SIGINT), else the local console. Start-up errors are thrown.
 */
export async function main(options: MainOptions = {}): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const knowledgeDir = options.knowledgeDir ?? config.knowledgeDir;
  const core = await createBotCore(config, knowledgeDir);
  if (config.slack) await serveSlack(config, core, knowledgeDir);
  else await runConsole(core, consoleIo(config));
}

/** Builds the bot core: knowledge base, matcher (with $BEIAN_MIN_CONFIDENCE), footer checks bound to config. */
export async function createBotCore(config: Config, knowledgeDir: string): Promise<ReloadableBotCore> {
  const kb = await loadKnowledgeBaseForTerminal(knowledgeDir);
  const defaults: CheckOptions = {
    allowPrivateNetwork: config.allowPrivateNetwork,
    timeoutMs: config.checkTimeoutMs,
    maxBytes: config.maxPageBytes,
  };
  return createReloadableCore({ kb, matcher: buildMatcher(config, kb) }, (target, opts) =>
    checkFooterLazily(target, { ...defaults, ...opts }),
  );
}

function buildMatcher(config: Config, kb: KnowledgeBase): Matcher {
  return createMatcher(kb, config.minConfidence === undefined ? {} : { answerThreshold: config.minConfidence });
}

/**
 * The swap point: watches `knowledgeDir` and, whenever it changes and lints clean, swaps the new knowledge base
 * and its matcher into `core`; a folder with problems leaves the old one answering and logs them as file:line.
 */
export function reloadKnowledgeOnChange(
  config: Config,
  core: ReloadableBotCore,
  knowledgeDir: string,
  logger: KnowledgeWatchOptions['logger'],
  debounceMs?: number,
  onRefused?: KnowledgeWatchOptions['onRefused'],
): KnowledgeWatch {
  return watchKnowledge({
    dir: knowledgeDir,
    load: () => loadKnowledgeBaseForTerminal(knowledgeDir, { checkMarkup: true }),
    apply: (kb) => core.replaceKnowledge({ kb, matcher: buildMatcher(config, kb) }),
    logger,
    ...(debounceMs === undefined ? {} : { debounceMs }),
    ...(onRefused ? { onRefused } : {}),
  });
}

// Loaded on first use: the footer checker pulls in the fetch stack and the browser driver, which a
// console session that only asks questions never needs. Pages are analysed in worker threads, so a
// hostile page cannot block the bot and the check's deadline holds; idle workers keep no process alive.
let analysePool: Promise<AnalysePool> | undefined;

async function checkFooterLazily(target: string, options: CheckOptions): Promise<FooterReport> {
  analysePool ??= import('./core/footer/analyse/analyse-pool.js').then(({ createAnalysePool }) => createAnalysePool());
  const [{ checkFooter }, pool, browser] = await Promise.all([
    import('./core/footer/check-footer.js'),
    analysePool,
    options.render ? startRendererOnce() : undefined,
  ]);
  return checkFooter(
    target,
    options,
    browser ? { analyse: pool.analyse, renderer: browser } : { analyse: pool.analyse },
  );
}

// BEIAN_RENDER: the process's one Chromium (shared with the watch scheduler), started by the first rendered check.
// A machine without one gets reports that say rendering is not available (check-footer's own finding) rather than
// failed checks.
const chromium = shareChromium();

function startRendererOnce(): Promise<PageRenderer | undefined> {
  return chromium.get().catch(() => undefined);
}

/** Work that runs while Slack is served (the watch scheduler), given the Slack alert sink; resolves with its stop. */
export type WhileServing = (slack: { alertSink: AlertSink }) => Promise<() => Promise<void>>;

/**
 * Serves Slack until SIGTERM/SIGINT, logging and surviving stray errors meanwhile (`beian start` and `beian serve`),
 * reloading the knowledge base from `knowledgeDir` whenever it changes.
 */
export async function serveSlack(
  config: Config,
  core: ReloadableBotCore,
  knowledgeDir: string,
  whileServing?: WhileServing,
): Promise<void> {
  const [{ startSlack }, { keepServingThroughStrayErrors }] = await Promise.all([
    import('./slack/start.js'),
    import('./slack/last-resort.js'),
  ]);
  // Listened for before anything starts: /healthz already answers while the watch scheduler is still opening its
  // store, and a SIGTERM then (a quick rolling restart) must stop the bot cleanly, not kill it mid-start.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  const bot = await startSlack(config, core);
  // Installed once serving: a failure to start must still end the process loudly.
  const removeLastResort = keepServingThroughStrayErrors({ logger: bot.logger });
  const reloads = reloadKnowledgeOnChange(config, core, knowledgeDir, bot.logger, undefined, bot.noticeRefusedReload);
  const stopAlongside = whileServing ? await whileServing(bot) : async () => undefined;
  await stopRequested;
  await stopAlongside();
  reloads.close();
  await bot.stop();
  removeLastResort();
  await (await analysePool)?.close();
  await chromium.release();
}

function consoleIo(config: Config) {
  const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return {
    input: process.stdin,
    output: process.stdout,
    style: chooseStyle(tty),
    color: tty,
    prompt: process.stdin.isTTY === true,
    concurrency: config.checkConcurrency,
  };
}
