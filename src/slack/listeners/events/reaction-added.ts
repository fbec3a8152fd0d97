import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { CAPTURE, encodeCaptureOrigin } from '../../blocks/capture-modal.js';
import type { KnownBlock } from '../../blocks/kit.js';
import { readSlackMessage, UnreadableMessageError } from '../../capture.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import type { Catalogue } from '../../messages/catalogue.js';

type ReactionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'reaction_added'>;

/** The reaction that captures an answer. */
export const CAPTURE_REACTION = 'book';

/**
 * 📖 on a message: offers the person who added it the capture form, privately. A reaction carries no trigger_id,
 * so it cannot open a modal itself: the offer is an ephemeral message whose button opens it.
 */
export function createReactionAddedListener(deps: SlackDeps) {
  return async ({ event, client }: ReactionArgs): Promise<void> => {
    if (event.reaction !== CAPTURE_REACTION || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const user = event.user;
    let t = await deps.languages.catalogueFor(client, user);
    const tell = (text: string, blocks?: KnownBlock[], threadTs?: string) =>
      tellPrivately(client, deps, { channel, user, text, blocks, threadTs });
    await runGuarded(
      deps.logger,
      'capture reaction',
      async () => {
        let message: Awaited<ReturnType<typeof readSlackMessage>>;
        try {
          message = await readSlackMessage(client, channel, ts);
        } catch (error) {
          if (!(error instanceof UnreadableMessageError)) throw error;
          deps.logger.info(`capture reaction: ${error.message}`);
          await tell(t.captureCannotRead);
          return;
        }
        t = await deps.languages.catalogueFor(client, user, message.text);
        if (message.text.trim() === '') {
          await tell(t.captureNothing);
          return;
        }
        await tell(t.captureOffer, offerBlocks(t, channel, ts), message.threadTs);
      },
      (text) => tell(text),
      t,
    );
  };
}

function offerBlocks(t: Catalogue, channel: string, ts: string): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: t.captureOffer } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: CAPTURE.openAction,
          text: { type: 'plain_text', text: t.captureOpen },
          style: 'primary',
          value: encodeCaptureOrigin({ channel, ts }),
        },
      ],
    },
  ];
}

// Ephemeral in the conversation; where the bot may not post (not a member, Slack Connect), the app's DM instead.
async function tellPrivately(
  client: webApi.WebClient,
  deps: SlackDeps,
  m: {
    channel: string;
    user: string;
    text: string;
    blocks: KnownBlock[] | undefined;
    threadTs: string | undefined;
  },
): Promise<void> {
  const content = { text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) };
  try {
    await client.chat.postEphemeral({
      channel: m.channel,
      user: m.user,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      ...content,
    });
  } catch (error) {
    deps.logger.info('capture reaction: the ephemeral message was refused; sending a DM:', error);
    await client.chat.postMessage({ channel: m.user, ...content });
  }
}
