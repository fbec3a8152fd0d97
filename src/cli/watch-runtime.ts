import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import { createAnalysePool } from '../core/footer/analyse/analyse-pool.js';
import type { CheckDeps } from '../core/footer/check-footer.js';
import type { PageRenderer } from '../core/footer/render/types.js';
import type { CheckOptions, FooterReport } from '../core/footer/types.js';
import { createScheduler, realSleep, type Scheduler, type SchedulerDeps } from '../core/watch/scheduler.js';
import type { AlertSink, Watch } from '../core/watch/types.js';
import type { WatchStore } from '../core/watch/watch-store-port.js';
import type { WatchConfig } from '../watch-config.js';
import { checkTarget } from './check-target.js';
import { checkTargetPolitely, type HostLeases } from './host-lease.js';
import { type ChromiumHandle, shareChromium } from './shared-chromium.js';

/** A scheduler wired to the real footer check, clock and analysis pool; `close` stops it and frees the pool. */
export interface WatchRuntime {
  scheduler: Scheduler;
  close(): Promise<void>;
}

/** Whether scheduled checks render and take a footer picture: BEIAN_WATCH_RENDER, else BEIAN_RENDER. */
export function watchRenders(config: Pick<Config, 'render'>, watchConfig: Pick<WatchConfig, 'render'>): boolean {
  return watchConfig.render ?? config.render;
}

/** Builds the scheduler `beian serve` and `beian watch run` use, alerts going to `sink`. */
export function createWatchRuntime(
  config: Config,
  watchConfig: WatchConfig,
  store: WatchStore,
  sink: AlertSink,
  onError?: SchedulerDeps['onError'],
  chromium: ChromiumHandle = shareChromium(),
  hosts?: HostLeases,
): WatchRuntime {
  const pool = createAnalysePool();
  const render = watchRenders(config, watchConfig);
  let renderer: Promise<PageRenderer | undefined> | undefined;
  // A machine where Chromium will not start checks without rendering (said once) rather than calling every
  // watched site "could not be checked".
  const rendererOnce = () =>
    (renderer ??= chromium.get().catch((error: unknown) => {
      onError?.(error, 'starting Chromium for footer pictures (checking without rendering)');
      return undefined;
    }));
  const check = async (watch: Watch): Promise<FooterReport> => {
    const browser = render ? await rendererOnce() : undefined;
    const options: CheckOptions = {
      allowPrivateNetwork: config.allowPrivateNetwork,
      timeoutMs: config.checkTimeoutMs,
      maxBytes: config.maxPageBytes,
      ...(watch.expect === undefined ? {} : { expect: watch.expect }),
      ...(browser ? { render: true, screenshot: true } : {}),
    };
    const deps: CheckDeps = browser ? { analyse: pool.analyse, renderer: browser } : { analyse: pool.analyse };
    // With the database's host leases, politeness holds across replicas and queue workers, not only in-process.
    if (!hosts) return checkTarget(watch.target, options, deps);
    return checkTargetPolitely(hosts, watch.target, options, deps, config.queue.hostIntervalMs);
  };
  const scheduler = createScheduler(
    { store, check, sink, now: Date.now, sleep: realSleep, ...(onError ? { onError } : {}) },
    {
      holder: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      tickMs: watchConfig.tickMs,
      concurrency: watchConfig.concurrency ?? config.checkConcurrency,
      leaseMs: watchConfig.leaseMs,
      retentionMs: watchConfig.retentionMs,
      decide: {
        recheckDelayMs: watchConfig.recheckDelayMs,
        inconclusiveAlertAfter: watchConfig.inconclusiveAlertAfter,
      },
    },
  );
  return {
    scheduler,
    async close() {
      await scheduler.stop();
      await Promise.all([pool.close(), chromium.release()]);
    },
  };
}

/**
 * Starts the scheduler in a serving process (`beian serve`) when $BEIAN_WATCH_SCHEDULER allows it, over its own
 * connection to the store; alerts go to `sink` (default: text on stderr). Resolves with a function that stops it.
 */
export async function startWatching(config: Config, sink?: AlertSink): Promise<() => Promise<void>> {
  const { loadWatchConfig } = await import('../watch-config.js');
  const watchConfig = loadWatchConfig(process.env);
  if (!watchConfig.scheduler) return async () => undefined;
  const [{ createStore }, { createTextAlertSink }] = await Promise.all([
    import('../store/create-store.js'),
    import('../core/watch/alert-text.js'),
  ]);
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const write = (text: string) => process.stderr.write(text);
  // Without the bot's own sink (`beian worker`), alerts still reach Slack when its credentials are set.
  const slackSink =
    sink || !config.slack?.botToken
      ? undefined
      : (await import('../slack/standalone-alert-sink.js')).createStandaloneAlertSink(config, store.alertThreads);
  const runtime = createWatchRuntime(
    config,
    watchConfig,
    store.watches,
    sink ?? slackSink ?? createTextAlertSink(write),
    (error, context) => write(`beian watch: ${context}: ${error instanceof Error ? error.message : String(error)}\n`),
    undefined,
    store.queue,
  );
  runtime.scheduler.start();
  return async () => {
    await runtime.close();
    await slackSink?.flush();
    await store.close();
  };
}
