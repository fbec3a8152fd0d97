import { alertTime } from '../../blocks/watch-alert.js';
import type { SlackDeps } from '../../deps.js';
import { createButtonListener } from './args.js';

/** How long "Mute for a week" mutes a watch's alerts. */
export const MUTE_MS = 7 * 86_400_000;

/** "Re-check now" on an alert: the watch becomes due at once; the scheduler's next look checks it. */
export function createWatchRecheckActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'watch re-check', async ({ args, tell, t }) => {
    const target = args.action.value ?? '';
    const watch = target ? await deps.watches.get(target) : null;
    if (!watch) {
      await tell(t.watchGone(target));
      return;
    }
    await deps.watches.makeDue(Date.now(), target);
    await tell(t.watchRecheckQueued(target));
  });
}

/** "Mute for a week" on an alert: no alerts for the site for seven days; its checks and history go on. */
export function createWatchMuteActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'watch mute', async ({ args, tell, t }) => {
    const target = args.action.value ?? '';
    const until = Date.now() + MUTE_MS;
    if (!target || !(await deps.watches.mute(target, until))) {
      await tell(t.watchGone(target));
      return;
    }
    await tell(t.watchMuted(target, alertTime(until)));
  });
}
