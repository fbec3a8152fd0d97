import { utcDay } from '../../../core/knowledge/freshness.js';
import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { postMessages, respondMessages } from '../../post-reply.js';
import { recordPicked } from '../../record-traffic.js';
import { createButtonListener } from './args.js';

// The person chose this entry themselves, so the answer is given with full confidence.
const PICKED_CONFIDENCE = 1;

/** "Did you mean …?": posts the chosen entry in the thread (or, under an ephemeral answer, replaces it). */
export function createSuggestionActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'suggestion', async ({ args, place, tell, t }) => {
    const entry = deps.core.kb.byId.get(args.action.value ?? '');
    if (!entry) {
      await tell(t.entryGone);
      return;
    }
    await recordPicked(deps, entry.id, { user: args.body.user.id, ...place });
    const metadata = buildAnswerMetadata(entry.id, PICKED_CONFIDENCE);
    if (place.ephemeral || !place.channel) {
      const messages = buildAnswerMessages({
        entry,
        suggestions: [],
        variant: 'ephemeral',
        t,
        today: utcDay(new Date()),
      });
      await respondMessages(args.respond, messages, { replaceOriginal: true, metadata });
      return;
    }
    const messages = buildAnswerMessages({ entry, suggestions: [], variant: 'reply', t, today: utcDay(new Date()) });
    await postMessages(args.client, { channel: place.channel, threadTs: place.threadTs }, messages, metadata);
  });
}
