import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { BeianError } from '../../../core/errors.js';
import { formatDuration } from '../../../core/watch/duration.js';
import { expectProblem } from '../../../core/watch/import-watches.js';
import { firstRunAt } from '../../../core/watch/schedule.js';
import type { Watch } from '../../../core/watch/types.js';
import type { WatchStore } from '../../../core/watch/watch-store-port.js';
import { normaliseWatchTarget } from '../../../core/watch/watch-target.js';
import { describeWatches, MAX_LISTED_WATCHES, type WatchSummary } from '../../blocks/watch-list.js';
import type { SlackDeps } from '../../deps.js';
import { parseFooterTargets } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import type { Catalogue } from '../../messages/catalogue.js';
import { respondChecked } from '../../post-reply.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/footer-watch add TARGET [NUMBER]`, `list`, `remove TARGET`: the watch list from Slack, answered privately.
 * The person who adds a site owns it (its alerts reach them by DM); the interval is BEIAN_WATCH_DEFAULT_EVERY.
 */
export function createFooterWatchCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    await ack();
    const t = await deps.languages.catalogueFor(client, command.user_id);
    const tell = (text: string) => respondChecked(respond, { response_type: 'ephemeral', text });
    await runGuarded(
      deps.logger,
      deps.config.watchCommand,
      async () => {
        await tell(await answerWatchCommand(deps, command.text ?? '', command.user_id, t));
      },
      tell,
      t,
    );
  };
}

/** The reply to one `/footer-watch` (text after the command), as a sentence or list for the person. */
export async function answerWatchCommand(deps: SlackDeps, text: string, user: string, t: Catalogue): Promise<string> {
  const [sub = '', raw = '', ...rest] = text.trim().split(/\s+/);
  const command = deps.config.watchCommand;
  switch (sub.toLowerCase()) {
    case 'add':
      return add(deps, raw, rest.join(' '), user, t);
    case 'list':
    case 'ls':
      return list(deps.watches, t, command);
    case 'remove':
    case 'rm': {
      const target = readTarget(raw, command, t);
      if ('problem' in target) return target.problem;
      return (await deps.watches.remove(target.target))
        ? t.watchRemoved(target.target)
        : t.watchNotFound(target.target, command);
    }
    default:
      return t.watchUsage(command);
  }
}

async function add(deps: SlackDeps, raw: string, number: string, user: string, t: Catalogue): Promise<string> {
  const target = readTarget(raw, deps.config.watchCommand, t);
  if ('problem' in target) return target.problem;
  if (number !== '' && expectProblem(number)) return t.watchBadNumber(number);
  const everyMs = deps.watchEveryMs;
  const { added } = await deps.watches.put([
    {
      target: target.target,
      expect: number === '' ? undefined : number,
      owner: user,
      everyMs,
      nextRunAt: firstRunAt(target.target, everyMs, Date.now()),
    },
  ]);
  return added > 0
    ? t.watchAdded(target.target, formatDuration(everyMs))
    : t.watchUpdated(target.target, formatDuration(everyMs));
}

function readTarget(raw: string, command: string, t: Catalogue): { target: string } | { problem: string } {
  const parsed = parseFooterTargets(raw, command, t);
  if (!parsed.ok || !parsed.targets[0]) return { problem: t.watchUsage(command) };
  try {
    return { target: normaliseWatchTarget(parsed.targets[0]) };
  } catch (error) {
    if (error instanceof BeianError) return { problem: t.watchBadTarget(error.message) };
    throw error;
  }
}

async function list(watches: WatchStore, t: Catalogue, command: string): Promise<string> {
  const all = await watches.list();
  if (all.length === 0) return t.watchListEmpty(command);
  const summaries = await summarise(watches, all.slice(0, MAX_LISTED_WATCHES));
  const more = all.length > MAX_LISTED_WATCHES ? `\n${t.alertMore(all.length - MAX_LISTED_WATCHES)}` : '';
  return `${t.watchListHeading(all.length)}\n${describeWatches(summaries, t, Date.now())}${more}`;
}

/** How many latest checks per watch are searched for the last change. */
const RECENT_CHECKS = 20;

/** Each watch with its latest checks, for the list and the App Home. */
export async function summarise(watches: WatchStore, list: readonly Watch[]): Promise<WatchSummary[]> {
  return Promise.all(
    list.map(async (watch) => ({ watch, recent: await watches.history(watch.target, { limit: RECENT_CHECKS }) })),
  );
}
