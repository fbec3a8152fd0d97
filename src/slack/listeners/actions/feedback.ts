import type { FeedbackValue } from '../../../store/records.js';
import { formatEscalation } from '../../blocks/escalation.js';
import type { SlackDeps } from '../../deps.js';
import { runGuarded } from '../../guard.js';
import { respondChecked } from '../../post-reply.js';
import { type ButtonArgs, placeOfClick } from './args.js';

const THANKS: Record<Exclude<FeedbackValue, 'need-person'>, string> = {
  helpful: 'Thanks — glad it helped.',
  'not-helpful': 'Thanks for telling me. The people who keep the knowledge base will see it.',
  solved: 'Great — marked as solved.',
};

/** 👍 / 👎 / ✅ / 🙋: kept in the feedback store; "Need a person" also calls a person into the thread. */
export function createFeedbackActionListener(deps: SlackDeps, value: FeedbackValue) {
  return async ({ ack, body, action, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const place = placeOfClick(body);
    await runGuarded(
      deps.logger,
      `feedback ${value}`,
      async () => {
        await deps.store.append({
          kind: 'feedback',
          at: new Date().toISOString(),
          user: body.user.id,
          channel: place.channel,
          entryId: action.value ?? '',
          value,
        });
        if (value !== 'need-person') {
          await respondChecked(respond, { response_type: 'ephemeral', replace_original: false, text: THANKS[value] });
          return;
        }
        if (!place.channel) throw new Error('need-person click without a channel');
        const who = formatEscalation(deps.config.escalation) ?? 'Could someone in this channel help?';
        await client.chat.postMessage({
          channel: place.channel,
          ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
          text: `🙋 <@${body.user.id}> would like a person to help with this. ${who}`,
        });
      },
      (text) => respondChecked(respond, { response_type: 'ephemeral', replace_original: false, text }),
    );
  };
}
