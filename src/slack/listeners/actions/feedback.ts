import type { FeedbackValue } from '../../../store/records.js';
import { formatEscalation } from '../../blocks/escalation.js';
import type { SlackDeps } from '../../deps.js';
import { createButtonListener } from './args.js';

const THANKS: Record<Exclude<FeedbackValue, 'need-person'>, string> = {
  helpful: 'Thanks — glad it helped.',
  'not-helpful': 'Thanks for telling me. The people who keep the knowledge base will see it.',
  solved: 'Great — marked as solved.',
};

/** 👍 / 👎 / ✅ / 🙋: kept in the feedback store; "Need a person" also calls a person into the thread. */
export function createFeedbackActionListener(deps: SlackDeps, value: FeedbackValue) {
  return createButtonListener(deps, `feedback ${value}`, async ({ args, place, tell }) => {
    await deps.store.append({
      kind: 'feedback',
      at: new Date().toISOString(),
      user: args.body.user.id,
      channel: place.channel,
      entryId: args.action.value ?? '',
      value,
    });
    if (value !== 'need-person') {
      await tell(THANKS[value]);
      return;
    }
    if (!place.channel) throw new Error('need-person click without a channel');
    const who = formatEscalation(deps.config.escalation) ?? 'Could someone in this channel help?';
    await args.client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      text: `🙋 <@${args.body.user.id}> would like a person to help with this. ${who}`,
    });
  });
}
