import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { loadConfig } from '../config.js';
import { BeianError, UsageError } from '../core/errors.js';
import { createAnalysePool } from '../core/footer/analyse/analyse-pool.js';
import type { CheckDeps } from '../core/footer/check-footer.js';
import { mergePrivateNetworkAccess } from '../core/footer/fetch/address-policy.js';
import { parseNumber as parseFilingNumber } from '../core/footer/numbers.js';
import type { PageRenderer } from '../core/footer/render/types.js';
import type { CheckOptions, FooterReport, FooterScreenshot } from '../core/footer/types.js';
import type { CheckFlags } from './check.js';
import { checkTarget } from './check-target.js';
import { formatFooterReport, formatSummary, noVerdicts, type VerdictCounts } from './format-footer-report.js';
import { readTargetFile } from './read-targets.js';
import { stringifyForTerminal } from './terminal-text.js';

/** `beian check [options] TARGET...`: checks every target and sets the exit status from their verdicts. */
export async function runCheckCommand(targets: string[], flags: CheckFlags): Promise<void> {
  process.exitCode = await runCheck(targets, flags);
}

/** What a check command was asked to do, validated. */
export interface CheckPlan {
  targets: string[];
  options: CheckOptions;
  concurrency: number;
  json: boolean;
  /** Where footer pictures go (`--screenshot`), created before the first check. */
  screenshotDir?: string | undefined;
}

async function runCheck(args: string[], flags: CheckFlags): Promise<number> {
  if (flags.queue !== undefined || flags.wait === true) {
    const { runQueuedCheck } = await import('./check-queue.js');
    return runQueuedCheck(args, flags);
  }
  const plan = await planCheck(args, flags);
  const starting = plan.options.render ? startRenderer() : undefined;
  // Ctrl-C must not leave a Chromium behind, not even one still starting (its process is up before the launch
  // returns): close it once it is up, then exit as an interrupted command does.
  const onInterrupt = (signal: NodeJS.Signals) => {
    void starting
      ?.then(
        (renderer) => renderer.close(),
        () => undefined,
      )
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  if (starting) {
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
  }
  try {
    const renderer = await starting;
    // Pages are judged in worker threads, so a check's time limit holds even while a hostile page is analysed.
    const pool = createAnalysePool();
    const deps: CheckDeps = renderer ? { renderer, analyse: pool.analyse } : { analyse: pool.analyse };
    try {
      const counts = await checkAll(plan, deps);
      const summary = formatSummary(counts);
      if (plan.json) process.stderr.write(`${summary}\n`);
      else process.stdout.write(`\n${summary}\n`);
      return exitStatus(counts);
    } finally {
      await Promise.all([renderer?.close(), pool.close()]);
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** Loads playwright-core only for --render: every other `beian` command starts faster without it. */
async function startRenderer(): Promise<PageRenderer> {
  const { createChromiumRenderer } = await import('../core/footer/render/chromium-renderer.js');
  try {
    return await createChromiumRenderer();
  } catch (error) {
    // Exit 1 would read as "a site failed"; a machine without Chromium cannot honour --render at all.
    if (error instanceof BeianError && error.code === 'browser-missing')
      throw new UsageError(`--render: ${error.message}`);
    throw error;
  }
}

/** Validates the flags and reads the targets (arguments, then `--file`): a bad value is a UsageError naming it. */
export async function planCheck(args: string[], flags: CheckFlags): Promise<CheckPlan> {
  const config = loadConfig(process.env);
  const targets = [...args, ...(flags.file === undefined ? [] : await readTargetFile(flags.file, process.stdin))];
  if (targets.length === 0) throw new UsageError('no targets: give one or more domains or URLs, or --file FILE');
  const timeoutSeconds = parseNumber('--timeout', flags.timeout, { min: 0.001, max: 300 });
  const screenshotDir = await prepareScreenshotDir(flags);
  return {
    targets,
    json: flags.json === true,
    screenshotDir,
    concurrency:
      parseNumber('--concurrency', flags.concurrency, { min: 1, max: 64, integer: true }) ?? config.checkConcurrency,
    options: {
      allowPrivateNetwork: mergePrivateNetworkAccess(config.allowPrivateNetwork, flags.allowPrivateNetwork === true, {
        target: false,
        allow: flags.allowPrivate ?? [],
      }),
      timeoutMs: timeoutSeconds === undefined ? config.checkTimeoutMs : Math.round(timeoutSeconds * 1000),
      maxBytes: parseNumber('--max-bytes', flags.maxBytes, { min: 1, integer: true }) ?? config.maxPageBytes,
      expect: parseExpect(flags.expect),
      render: flags.render === true,
      screenshot: screenshotDir !== undefined,
    },
  };
}

function parseNumber(
  name: string,
  raw: string | undefined,
  limits: { min: number; max?: number; integer?: boolean },
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    value >= limits.min &&
    (limits.max === undefined || value <= limits.max) &&
    (!limits.integer || Number.isInteger(value));
  if (!ok) {
    const kind = limits.integer ? 'a whole number' : 'a number';
    const range = limits.max === undefined ? `at least ${limits.min}` : `from ${limits.min} to ${limits.max}`;
    throw new UsageError(`${name} must be ${kind} ${range}, not "${raw}"`);
  }
  return value;
}

/** `--expect` must be an ICP number we can read: a typo is a usage error, not a failure of every site. */
function parseExpect(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (parseFilingNumber(raw)?.type !== 'icp') {
    throw new UsageError(`--expect must be an ICP number like 京ICP备05004398号-1, not "${raw}"`);
  }
  return raw;
}

/** Checks every target with bounded concurrency; prints each report as soon as those before it are out. */
async function checkAll(plan: CheckPlan, deps: CheckDeps): Promise<VerdictCounts> {
  const { targets } = plan;
  const progress = createProgress(targets.length);
  const screenshots = new Map<number, string | null>();
  const printer = createReportPrinter((report, index) => {
    progress.clear();
    printReport(report, plan.json, index, screenshots.get(index));
    screenshots.delete(index);
  });
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < targets.length; index = next++) {
      const { screenshot, ...report } = await checkTarget(targets[index] ?? '', plan.options, deps);
      if (plan.screenshotDir !== undefined) {
        screenshots.set(index, await saveScreenshot(plan.screenshotDir, report.target, index, screenshot));
      }
      printer.put(index, report);
      progress.tick();
      progress.draw();
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, targets.length) }, worker));
  progress.clear();
  return printer.counts();
}

/** Prints reports in input order and counts their verdicts. */
export interface ReportPrinter {
  /** Takes the report for target `index`; prints it, and any it was holding up, once every earlier one is out. */
  put(index: number, report: FooterReport): void;
  /** Verdicts of the reports printed so far. */
  counts(): VerdictCounts;
}

/**
 * A printer that keeps nothing of a printed report but its verdict's count, so memory does not grow with
 * the list. A report that must wait for an earlier one is kept as a structured clone: strings taken from a
 * page can be V8 slices of its whole HTML, and a clone copies each string, so the page itself is let go.
 */
export function createReportPrinter(print: (report: FooterReport, index: number) => void): ReportPrinter {
  const waiting = new Map<number, FooterReport>();
  const counts = noVerdicts();
  let printed = 0;
  return {
    put(index, report) {
      waiting.set(index, index === printed ? report : structuredClone(report));
      for (let ready = waiting.get(printed); ready !== undefined; ready = waiting.get(printed)) {
        waiting.delete(printed);
        print(ready, printed);
        counts[ready.verdict] += 1;
        printed += 1;
      }
    },
    counts: () => ({ ...counts }),
  };
}

// `screenshot`: the file written (`--screenshot`), null when no picture was taken, undefined without the flag.
function printReport(report: FooterReport, json: boolean, index: number, screenshot?: string | null): void {
  if (json) {
    const line = screenshot === undefined ? toJsonLine(report) : { ...toJsonLine(report), screenshotFile: screenshot };
    process.stdout.write(`${stringifyForTerminal(line)}\n`);
    return;
  }
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const picture = screenshot === undefined ? '' : `\n${screenshotLine(screenshot)}`;
  process.stdout.write(`${index > 0 ? '\n' : ''}${formatFooterReport(report, { color })}${picture}\n`);
}

function screenshotLine(file: string | null): string {
  return file === null ? 'Screenshot: none (no picture could be taken of this page)' : `Screenshot: ${file}`;
}

/** `--screenshot DIR` needs `--render` and a folder it can write to (made when missing). */
async function prepareScreenshotDir(flags: CheckFlags): Promise<string | undefined> {
  if (flags.screenshot === undefined) return undefined;
  if (flags.render !== true) throw new UsageError('--screenshot needs --render: pictures come from the browser');
  const dir = resolvePath(flags.screenshot);
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`--screenshot: cannot write to ${dir} (${code})`);
  }
  return dir;
}

/** Writes target `index`'s picture as `DIR/NN-host.jpg`; null when there was none to write. */
async function saveScreenshot(
  dir: string,
  target: string,
  index: number,
  screenshot: FooterScreenshot | undefined,
): Promise<string | null> {
  if (screenshot === undefined) return null;
  const file = join(dir, screenshotFileName(target, index));
  await writeFile(file, screenshot.bytes);
  return file;
}

/** A file name for a target's picture: its position (so repeats do not overwrite) and its name, made safe. */
export function screenshotFileName(target: string, index: number): string {
  const name = target
    .replace(/^https?:\/\//i, '')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 80);
  return `${String(index + 1).padStart(2, '0')}-${name || 'site'}.jpg`;
}

/** The `--json` line: the FooterReport fields, always in the documented order. */
export function toJsonLine(report: FooterReport): FooterReport {
  return {
    target: report.target,
    url: report.url,
    finalUrl: report.finalUrl,
    verdict: report.verdict,
    icp: report.icp,
    publicSecurity: report.publicSecurity,
    findings: report.findings.map(({ rule, severity, message }) => ({ rule, severity, message })),
    redirects: report.redirects,
    otherNumbers: report.otherNumbers,
    ...(report.moreNumbers === undefined ? {} : { moreNumbers: report.moreNumbers }),
    rendered: report.rendered,
  };
}

/** 1 when any target failed, else 3 when any was inconclusive, else 0. */
export function exitStatus(counts: Readonly<VerdictCounts>): number {
  if (counts.fail > 0) return 1;
  if (counts.inconclusive > 0) return 3;
  return 0;
}

/** A progress bar for a known number of steps. */
export interface Progress {
  tick(): void;
  draw(): void;
  clear(): void;
}

/** A one-line bar on stderr, only when stderr is a terminal (never in pipes, logs or tests). */
export function createProgress(total: number): Progress {
  const stream = process.stderr;
  if (!stream.isTTY || total < 2) return { tick: () => undefined, draw: () => undefined, clear: () => undefined };
  let finished = 0;
  const width = 30;
  return {
    tick: () => {
      finished += 1;
    },
    draw: () => {
      const filled = Math.round((finished / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${finished}/${total}`);
    },
    clear: () => {
      stream.write('\r\u001b[2K');
    },
  };
}
