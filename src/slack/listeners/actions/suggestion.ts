import { buildAnswerMessages } from '../../blocks/answer.js';
import { buildAnswerMetadata } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { postMessages, respondChecked, respondMessages } from '../../post-reply.js';
import { type ButtonArgs, placeOfClick } from './args.js';

// The person chose this entry themselves, so the answer is given with full confidence.
const PICKED_CONFIDENCE = 1;

/** "Did you mean …?": posts the chosen entry in the thread (or, under an ephemeral answer, replaces it). */
export function createSuggestionActionListener(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const place = placeOfClick(body);
    const tell = (text: string) =>
      respondChecked(respond, { response_type: 'ephemeral', replace_original: false, text });
    await runGuarded(
      deps.logger,
      'suggestion',
      async () => {
        const entry = deps.core.kb.byId.get(action.value ?? '');
        if (!entry) {
          await tell('That entry is no longer in the knowledge base.');
          return;
        }
        if (place.ephemeral || !place.channel) {
          await respondMessages(respond, buildAnswerMessages({ entry, suggestions: [], variant: 'ephemeral' }), {
            replaceOriginal: true,
            metadata: buildAnswerMetadata(entry.id, PICKED_CONFIDENCE),
          });
          return;
        }
        const messages = buildAnswerMessages({ entry, suggestions: [], variant: 'reply' });
        await postMessages(
          client,
          { channel: place.channel, threadTs: place.threadTs },
          messages,
          buildAnswerMetadata(entry.id, PICKED_CONFIDENCE),
        );
      },
      tell,
    );
  };
}
