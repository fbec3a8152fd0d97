import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { BeianError, UsageError } from '../core/errors.js';
import { createAnalysePool } from '../core/footer/analyse/analyse-pool.js';
import type { CheckDeps } from '../core/footer/check-footer.js';
import { allowEntryProblem, mergePrivateNetworkAccess } from '../core/footer/fetch/address-policy.js';
import { parseNumber as parseFilingNumber } from '../core/footer/numbers.js';
import type { PageRenderer } from '../core/footer/render/types.js';
import type { CheckOptions, FooterReport, FooterScreenshot } from '../core/footer/types.js';
import { formatFooterReport, formatSummary, noVerdicts, type VerdictCounts } from './format-footer-report.js';
import { readTargetFile } from './read-targets.js';
import { stringifyForTerminal } from './terminal-text.js';

interface CheckFlags {
  json?: boolean;
  render?: boolean;
  allowPrivateNetwork?: boolean;
  allowPrivate?: string[];
  timeout?: string;
  maxBytes?: string;
  expect?: string;
  concurrency?: string;
  file?: string;
  screenshot?: string;
}

/** Registers `beian check [options] TARGET...`: homepage footer checks, one report per target. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('check homepage footers for the ICP filing number (备案号) and its link')
    .argument('[targets...]', 'domains or URLs to check')
    .option('--json', 'one JSON object a line, one line per target, in input order')
    .option('--render', 'judge the page as rendered by headless Chromium (for JavaScript-drawn footers)')
    .option('--screenshot <dir>', 'with --render: write a JPEG of each footer, number and link outlined, into DIR')
    .option('--allow-private-network', "allow the target's own private address (your own staging sites)")
    .option('--allow-private <list>', 'also allow these CIDRs and hosts, comma-separated', collectAllowList)
    .option('--timeout <seconds>', 'time limit per target (default: $BEIAN_CHECK_TIMEOUT_SECONDS or 20)')
    .option('--max-bytes <n>', 'largest page read, in bytes (default: $BEIAN_MAX_PAGE_BYTES or 5 MB)')
    .option('--expect <number>', 'the number on record, e.g. 京ICP备05004398号-1')
    .option('--concurrency <n>', 'targets checked at once (default: $BEIAN_CHECK_CONCURRENCY or 8)')
    .option('--file <file>', 'read targets from a file, one a line (# comments; - for stdin)')
    .action(async (targets: string[], flags: CheckFlags) => {
      process.exitCode = await runCheck(targets, flags);
    });
}

interface CheckPlan {
  targets: string[];
  options: CheckOptions;
  concurrency: number;
  json: boolean;
  /** Where footer pictures go (`--screenshot`), created before the first check. */
  screenshotDir: string | undefined;
}

async function runCheck(args: string[], flags: CheckFlags): Promise<number> {
  const plan = await planCheck(args, flags);
  const renderer = plan.options.render ? await startRenderer() : undefined;
  // Pages are judged in worker threads, so a check's time limit holds even while a hostile page is analysed.
  const pool = createAnalysePool();
  const deps: CheckDeps = renderer ? { renderer, analyse: pool.analyse } : { analyse: pool.analyse };
  // Ctrl-C must not leave a Chromium behind: close it, then exit as an interrupted command does.
  const onInterrupt = (signal: NodeJS.Signals) => {
    void renderer?.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  if (renderer) {
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
  }
  try {
    const counts = await checkAll(plan, deps);
    const summary = formatSummary(counts);
    if (plan.json) process.stderr.write(`${summary}\n`);
    else process.stdout.write(`\n${summary}\n`);
    return exitStatus(counts);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    await Promise.all([renderer?.close(), pool.close()]);
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

async function planCheck(args: string[], flags: CheckFlags): Promise<CheckPlan> {
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

/** Commander's parser for a repeatable, comma-separated --allow-private. */
function collectAllowList(value: string, previous: string[] = []): string[] {
  const entries = value.split(',').map((entry) => entry.trim());
  const problem = entries.map(allowEntryProblem).find((p) => p !== null);
  if (problem) throw new UsageError(`--allow-private: ${problem}`);
  return [...previous, ...entries];
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
      const { screenshot, ...report } = await checkOne(targets[index] ?? '', plan.options, deps);
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

/** Past the target's own time limit, a check that has not come back is given up on (it must not hold the rest). */
const GRACE_MS = 5_000;

async function checkOne(target: string, options: CheckOptions, deps: CheckDeps) {
  // Loaded at the first check, not at start: the fetch stack and the page rules slow every other command's start.
  const { checkFooter } = await import('../core/footer/check-footer.js');
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    const limit = (options.timeoutMs ?? 0) + GRACE_MS;
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(limit / 1000)} s`)), limit);
  });
  try {
    return await Promise.race([checkFooter(target, options, deps), overdue]);
  } catch (error) {
    // checkFooter reports target problems itself; this is the backstop for anything unexpected.
    return unexpectedFailure(target, error);
  } finally {
    clearTimeout(timer);
  }
}

function unexpectedFailure(target: string, error: unknown): FooterReport {
  const message = `The check could not finish: ${error instanceof Error ? error.message : String(error)}`;
  return {
    target,
    url: null,
    finalUrl: null,
    verdict: 'inconclusive',
    icp: null,
    publicSecurity: null,
    findings: [{ rule: 'page', severity: 'error', message }],
    redirects: [],
    otherNumbers: [],
    rendered: false,
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

interface Progress {
  tick(): void;
  draw(): void;
  clear(): void;
}

/** A one-line bar on stderr, only when stderr is a terminal (never in pipes, logs or tests). */
function createProgress(total: number): Progress {
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
