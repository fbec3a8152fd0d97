import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { respondChecked } from '../../post-reply.js';

/** The arguments of a button click. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Where a clicked message lives: its channel, the thread it belongs to, and whether only the clicker sees it. */
export interface ClickPlace {
  channel: string | null;
  threadTs: string | undefined;
  ephemeral: boolean;
}

/** What a button's work gets: Bolt's arguments, where the click happened, and a private reply to the clicker. */
export interface Click {
  args: ButtonArgs;
  place: ClickPlace;
  tell: (text: string) => Promise<unknown>;
}

/**
 * A button listener: acknowledges at once, then runs `work` guarded, so a failure is logged and the clicker
 * is told privately instead of the click silently doing nothing.
 */
export function createButtonListener(deps: SlackDeps, name: string, work: (click: Click) => Promise<void>) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const place = placeOfClick(args.body);
    const tell = (text: string) =>
      respondChecked(args.respond, { response_type: 'ephemeral', replace_original: false, text });
    await runGuarded(deps.logger, name, () => work({ args, place, tell }), tell);
  };
}

/** Reads where a click happened from the action payload (message, container, channel). */
export function placeOfClick(body: ButtonArgs['body']): ClickPlace {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string } | undefined;
  return {
    channel: body.channel?.id ?? container?.channel_id ?? null,
    threadTs: message?.thread_ts ?? message?.ts,
    ephemeral: container?.is_ephemeral === true || !message,
  };
}
