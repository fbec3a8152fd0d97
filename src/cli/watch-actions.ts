import { readFile, stat } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { BeianError, UsageError } from '../core/errors.js';
import { createTextAlertSink } from '../core/watch/alert-text.js';
import { csvCell } from '../core/watch/csv.js';
import { formatDuration } from '../core/watch/duration.js';
import { expectProblem, ownerProblem, readInterval, readWatchCsv } from '../core/watch/import-watches.js';
import { firstRunAt } from '../core/watch/schedule.js';
import type { AlertEvent, CheckRun, Watch } from '../core/watch/types.js';
import { normaliseWatchTarget } from '../core/watch/watch-target.js';
import type { Store } from '../store/ports.js';
import { loadWatchConfig } from '../watch-config.js';
import { openCommandStore } from './db.js';
import { escapeTerminal, stringifyForTerminal } from './terminal-text.js';
import type { WatchFlags } from './watch.js';
import { createWatchRuntime } from './watch-runtime.js';

/** Largest import file: a million short lines; more is not a watch list. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

function out(text: string): void {
  process.stdout.write(text);
}

async function withStore<T>(flags: WatchFlags, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCommandStore(flags);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function targetOf(raw: string): string {
  try {
    return normaliseWatchTarget(raw);
  } catch (error) {
    if (error instanceof BeianError) throw new UsageError(error.message);
    throw error;
  }
}

function interval(flag: string, raw: string): number {
  const read = readInterval(raw);
  if ('problem' in read) throw new UsageError(`${flag}: ${read.problem}`);
  return read.ms;
}

function time(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function add(args: string[], flags: WatchFlags): Promise<number> {
  const [raw = ''] = args;
  const target = targetOf(raw);
  const expectWrong = flags.expect === undefined ? null : expectProblem(flags.expect);
  if (expectWrong) throw new UsageError(`--expect: ${expectWrong}`);
  const ownerWrong = flags.owner === undefined ? null : ownerProblem(flags.owner);
  if (ownerWrong) throw new UsageError(`--owner: ${ownerWrong}`);
  const given = flags.every === undefined ? undefined : interval('--every', flags.every);
  return withStore(flags, async (store) => {
    // Adding a watched site again changes only what was given: `--every 6h` keeps its expected number and owner.
    const known = await store.watches.get(target);
    const everyMs = given ?? known?.everyMs ?? loadWatchConfig(process.env).defaultEveryMs;
    const expect = flags.expect ?? known?.expect;
    const owner = flags.owner ?? known?.owner;
    const nextRunAt = firstRunAt(target, everyMs, Date.now());
    await store.watches.put([{ target, expect, owner, everyMs, nextRunAt }]);
    const settings = [`every ${formatDuration(everyMs)}`, expect && `expecting ${expect}`, owner && `owner ${owner}`]
      .filter(Boolean)
      .join(', ');
    out(
      known === null
        ? `Watching ${escapeTerminal(target)} (${escapeTerminal(settings)}); first check due ${time(nextRunAt)}.\n`
        : `Updated ${escapeTerminal(target)}: ${escapeTerminal(settings)}.\n`,
    );
    return 0;
  });
}

function toJson(watch: Watch) {
  return {
    target: watch.target,
    expect: watch.expect ?? null,
    owner: watch.owner ?? null,
    every: formatDuration(watch.everyMs),
    mutedUntil: watch.mutedUntil === undefined ? null : time(watch.mutedUntil),
    verdict: watch.state.lastRun?.verdict ?? null,
    lastChecked: watch.state.lastRun ? time(watch.state.lastRun.at) : null,
    nextDue: time(watch.nextRunAt),
    icp: watch.state.confirmed?.icp ?? null,
  };
}

async function list(_args: string[], flags: WatchFlags): Promise<number> {
  return withStore(flags, async (store) => {
    const watches = await store.watches.list();
    if (flags.json) {
      for (const w of watches) out(`${stringifyForTerminal(toJson(w))}\n`);
      return 0;
    }
    if (watches.length === 0) {
      out('No sites are watched. Add one with `beian watch add example.cn`.\n');
      return 0;
    }
    const rows = watches.map((w) => {
      const j = toJson(w);
      const muted = j.mutedUntil === null ? '' : `muted until ${j.mutedUntil}`;
      return [j.target, j.every, j.verdict ?? 'not yet checked', j.lastChecked ?? '-', j.nextDue, j.owner ?? '', muted];
    });
    const head = ['TARGET', 'EVERY', 'VERDICT', 'LAST CHECKED', 'NEXT DUE', 'OWNER', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    for (const row of [head, ...rows]) {
      out(
        `${row
          .map((cell, i) => escapeTerminal(cell).padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
    }
    return 0;
  });
}

async function remove(args: string[], flags: WatchFlags): Promise<number> {
  const [raw = ''] = args;
  const target = targetOf(raw);
  return withStore(flags, async (store) => {
    if (!(await store.watches.remove(target)))
      throw new UsageError(`${target} is not watched (see \`beian watch list\`)`);
    out(`Stopped watching ${escapeTerminal(target)}.\n`);
    return 0;
  });
}

async function readImportFile(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_IMPORT_BYTES) throw new UsageError('the watch list on stdin is over 64 MB');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`${file}: it is a directory, not a CSV file`);
    if (info.size > MAX_IMPORT_BYTES) throw new UsageError(`${file}: over 64 MB; split the list`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

async function importFile(args: string[], flags: WatchFlags): Promise<number> {
  const [file = ''] = args;
  const text = await readImportFile(file);
  const lines = readWatchCsv(file === '-' ? 'stdin' : file, text, loadWatchConfig(process.env).defaultEveryMs);
  return withStore(flags, async (store) => {
    const now = Date.now();
    const watches = lines.map((l) => ({ ...l, nextRunAt: firstRunAt(l.target, l.everyMs, now) }));
    const { added, updated } = await store.watches.put(watches);
    out(`Imported ${lines.length} watch(es): ${added} new, ${updated} updated.\n`);
    return 0;
  });
}

async function exportList(_args: string[], flags: WatchFlags): Promise<number> {
  const format = flags.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`);
  return withStore(flags, async (store) => {
    const watches = await store.watches.list();
    if (format === 'json') {
      out(`${JSON.stringify(watches.map(toJson), null, 2)}\n`);
      return 0;
    }
    out('target,expect,owner,every\n');
    for (const w of watches) {
      out(`${[w.target, w.expect ?? '', w.owner ?? '', formatDuration(w.everyMs)].map(csvCell).join(',')}\n`);
    }
    return 0;
  });
}

function runJson(run: CheckRun) {
  return {
    at: time(run.at),
    verdict: run.verdict,
    icp: run.icp,
    publicSecurity: run.publicSecurity,
    recheck: run.recheck,
    findings: run.findings,
  };
}

async function history(args: string[], flags: WatchFlags): Promise<number> {
  const [raw = ''] = args;
  const target = targetOf(raw);
  const limit = flags.limit === undefined ? 50 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    throw new UsageError(`--limit must be a whole number from 1 to 100000, not "${flags.limit}"`);
  }
  return withStore(flags, async (store) => {
    if ((await store.watches.get(target)) === null) {
      throw new UsageError(`${target} is not watched (see \`beian watch list\`)`);
    }
    const runs = await store.watches.history(target, { limit });
    if (flags.json) {
      for (const run of runs) out(`${stringifyForTerminal(runJson(run))}\n`);
      return 0;
    }
    if (runs.length === 0)
      out(`${escapeTerminal(target)} has not been checked yet (\`beian watch run\` checks now).\n`);
    let before: CheckRun | undefined;
    for (const run of runs) {
      const changed = before !== undefined && (before.verdict !== run.verdict || before.icp !== run.icp);
      const mark = changed ? ' *' : '';
      out(
        `${time(run.at)}  ${run.verdict.padEnd(12)} ${escapeTerminal(run.icp ?? '-')}${run.recheck ? '  (re-check)' : ''}${mark}\n`,
      );
      for (const f of run.findings.filter((x) => x.severity !== 'info')) {
        out(`    ${f.severity} ${f.rule}: ${escapeTerminal(f.message)}\n`);
      }
      before = run;
    }
    return 0;
  });
}

async function mute(args: string[], flags: WatchFlags): Promise<number> {
  const [raw = ''] = args;
  const target = targetOf(raw);
  const until = Date.now() + interval('--for', flags.for ?? '1w');
  return withStore(flags, async (store) => {
    if (!(await store.watches.mute(target, until))) throw new UsageError(`${target} is not watched`);
    out(`No alerts for ${escapeTerminal(target)} until ${time(until)}.\n`);
    return 0;
  });
}

async function unmute(args: string[], flags: WatchFlags): Promise<number> {
  const [raw = ''] = args;
  const target = targetOf(raw);
  return withStore(flags, async (store) => {
    if (!(await store.watches.mute(target, null))) throw new UsageError(`${target} is not watched`);
    out(`Alerts for ${escapeTerminal(target)} are on again.\n`);
    return 0;
  });
}

// The picture's bytes are for Slack: a JSON line names only the alert.
function alertJson({ screenshot: _bytes, ...event }: AlertEvent) {
  return { ...event, at: time(event.at), incidentSince: time(event.incidentSince) };
}

async function run(_args: string[], flags: WatchFlags): Promise<number> {
  const config = loadConfig(process.env);
  const watchConfig = loadWatchConfig(process.env);
  return withStore(flags, async (store) => {
    const sink = flags.json
      ? { alert: async (event: AlertEvent) => out(`${stringifyForTerminal(alertJson(event))}\n`) }
      : createTextAlertSink((text) => out(text.split('\n').map(escapeTerminal).join('\n')));
    const runtime = createWatchRuntime(config, watchConfig, store.watches, sink, (error, context) => {
      process.stderr.write(`beian: ${context}: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    try {
      const summary = await runtime.scheduler.round({ all: flags.due !== true, awaitRechecks: true });
      process.stderr.write(
        `Checked ${summary.checked} site(s): ${summary.alerts} alert(s), ${summary.rechecks} re-check(s)` +
          `${summary.lost > 0 ? `, ${summary.lost} taken over by another process` : ''}.\n`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  });
}

/** The `watch` sub-commands, by name. */
export const WATCH_ACTIONS = {
  add,
  list,
  remove,
  import: importFile,
  export: exportList,
  history,
  run,
  mute,
  unmute,
};
