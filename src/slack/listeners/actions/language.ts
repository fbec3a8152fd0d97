import { utcDay } from '../../../core/knowledge/freshness.js';
import { decodeToggle } from '../../blocks/action-values.js';
import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { catalogueFor } from '../../messages/catalogue.js';
import { respondMessages, updateMessage } from '../../post-reply.js';
import { createButtonListener } from './args.js';

/**
 * "中文 / English": shows the answer's other language in place: chat.update for a posted message,
 * the response URL (replace_original) for an ephemeral one.
 */
export function createLanguageActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'language toggle', async ({ args, place, tell, t }) => {
    const toggle = decodeToggle(args.action.value);
    const entry = toggle ? deps.core.kb.byId.get(toggle.entryId) : undefined;
    if (!toggle || !entry) {
      await tell(t.entryGone);
      return;
    }
    const [message] = buildAnswerMessages({
      entry,
      suggestions: [],
      variant: toggle.variant,
      today: utcDay(new Date()),
      t: catalogueFor(toggle.lang),
      ...(toggle.shareTo ? { shareTo: toggle.shareTo } : {}),
      ...(toggle.sharedBy ? { sharedBy: toggle.sharedBy } : {}),
    });
    if (!message) return;
    if (place.ephemeral || !place.channel || !place.ts) {
      await respondMessages(args.respond, [message], {
        replaceOriginal: true,
        metadata: buildAnswerMetadata(entry.id, 1),
      });
      return;
    }
    await updateMessage(args.client, { channel: place.channel, ts: place.ts }, message);
  });
}
