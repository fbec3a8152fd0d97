import { utcDay } from '../../../core/knowledge/freshness.js';
import { decodeShare } from '../../blocks/action-values.js';
import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { catalogueFor } from '../../messages/catalogue.js';
import { isNotMember, postMessages, respondChecked } from '../../post-reply.js';
import { createButtonListener } from './args.js';

/**
 * "Share in channel" / "Share in thread": posts an ephemeral answer for everyone (in the language it was read in,
 * into the thread it was asked about when there is one), then removes the private copy.
 */
export function createShareActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'share', async ({ args, place, tell, t }) => {
    const share = decodeShare(args.action.value);
    const entry = share ? deps.core.kb.byId.get(share.entryId) : undefined;
    const channel = share?.shareTo?.channel ?? place.channel;
    if (!share || !entry || !channel) {
      await tell(t.cannotShare);
      return;
    }
    const messages = buildAnswerMessages({
      entry,
      suggestions: [],
      variant: 'shared',
      sharedBy: args.body.user.id,
      today: utcDay(new Date()),
      t: share.lang ? catalogueFor(share.lang) : t,
    });
    try {
      const where = { channel, ...(share.shareTo ? { threadTs: share.shareTo.threadTs } : {}) };
      await postMessages(args.client, where, messages, buildAnswerMetadata(entry.id, 1));
    } catch (error) {
      if (isNotMember(error)) {
        await tell(t.inviteMe);
        return;
      }
      throw error;
    }
    await respondChecked(args.respond, { delete_original: true });
  });
}
