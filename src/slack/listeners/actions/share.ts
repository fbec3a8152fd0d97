import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { postMessages, respondChecked } from '../../post-reply.js';
import { createButtonListener } from './args.js';

// Errors that mean "the bot may not post here", which the person can fix by inviting it.
const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** "Share in channel": posts an ephemeral `/faq` answer for everyone, then removes the private copy. */
export function createShareActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'share', async ({ args, place, tell }) => {
    const entry = deps.core.kb.byId.get(args.action.value ?? '');
    if (!entry || !place.channel) {
      await tell('That answer can no longer be shared; ask again with the command.');
      return;
    }
    const messages = buildAnswerMessages({ entry, suggestions: [], variant: 'shared', sharedBy: args.body.user.id });
    try {
      await postMessages(args.client, { channel: place.channel }, messages, buildAnswerMetadata(entry.id, 1));
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code && NOT_MEMBER.has(code)) {
        await tell('I can’t post in this conversation yet: invite me first (`/invite @beian`), then share again.');
        return;
      }
      throw error;
    }
    await respondChecked(args.respond, { delete_original: true });
  });
}
