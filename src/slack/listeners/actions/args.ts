import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** The arguments of a button click. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Where a clicked message lives: its channel, the thread it belongs to, and whether only the clicker sees it. */
export function placeOfClick(body: ButtonArgs['body']): {
  channel: string | null;
  threadTs: string | undefined;
  ephemeral: boolean;
} {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const container = body.container as { is_ephemeral?: boolean; channel_id?: string } | undefined;
  return {
    channel: body.channel?.id ?? container?.channel_id ?? null,
    threadTs: message?.thread_ts ?? message?.ts,
    ephemeral: container?.is_ephemeral === true || !message,
  };
}
