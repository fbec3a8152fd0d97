import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  FeedbackButtonsAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import type { Catalogue } from '../../messages/catalogue.js';
import { respondChecked } from '../../post-reply.js';

/** A click on a button or on one of Slack's native feedback buttons (both carry a value). */
export type ButtonClick = BlockAction<ButtonAction | FeedbackButtonsAction>;

/** The arguments of a button click. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<ButtonClick>;

/** Where a clicked message lives: its channel, the thread it belongs to, and whether only the clicker sees it. */
export interface ClickPlace {
  channel: string | null;
  threadTs: string | undefined;
  ephemeral: boolean;
  /** The clicked message's ts (absent for an ephemeral one), for updating it in place. */
  ts: string | undefined;
}

/** What a button's work gets: Bolt's arguments, where the click happened, and a private reply to the clicker. */
export interface Click {
  args: ButtonArgs;
  place: ClickPlace;
  tell: (text: string) => Promise<unknown>;
  /** The clicker's chrome. */
  t: Catalogue;
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
    // The clicked message's fallback text is in the language it was shown in: the hint when the locale is unknown.
    const shown = (args.body.message as { text?: string } | undefined)?.text;
    const t = await deps.languages.catalogueFor(args.client, args.body.user.id, shown);
    await runGuarded(deps.logger, name, () => work({ args, place, tell, t }), tell, t);
  };
}

/** Reads where a click happened from the action payload (message, container, channel). */
export function placeOfClick(body: ButtonArgs['body']): ClickPlace {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string } | undefined;
  const ephemeral = container?.is_ephemeral === true || !message;
  return {
    channel: body.channel?.id ?? container?.channel_id ?? null,
    threadTs: message?.thread_ts ?? message?.ts,
    ephemeral,
    ts: ephemeral ? undefined : message?.ts,
  };
}
