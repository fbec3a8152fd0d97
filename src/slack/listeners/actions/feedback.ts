import type { FeedbackValue } from '../../../store/records.js';
import { decodeFeedback } from '../../blocks/action-values.js';
import { formatEscalation } from '../../blocks/escalation.js';
import type { SlackDeps } from '../../deps.js';
import type { Catalogue } from '../../messages/catalogue.js';
import { type Click, createButtonListener } from './args.js';

function thanks(value: Exclude<FeedbackValue, 'need-person'>, t: Catalogue): string {
  const texts = { helpful: t.thanksHelpful, 'not-helpful': t.thanksNotHelpful, solved: t.thanksSolved };
  return texts[value];
}

/** 👍 / 👎 / ✅ / 🙋 (hand-built buttons): kept in the feedback store; "Need a person" also calls a person in. */
export function createFeedbackActionListener(deps: SlackDeps, value: FeedbackValue) {
  return createButtonListener(deps, `feedback ${value}`, (click) =>
    recordFeedback(deps, click, value, click.args.action.value ?? ''),
  );
}

/** Slack's native feedback_buttons: the value says which way and for which entry; the same records as above. */
export function createNativeFeedbackActionListener(deps: SlackDeps) {
  return createButtonListener(deps, 'feedback buttons', async (click) => {
    const feedback = decodeFeedback(click.args.action.value);
    if (!feedback) throw new Error(`feedback_buttons click with an unreadable value: ${click.args.action.value}`);
    await recordFeedback(deps, click, feedback.value, feedback.entryId);
  });
}

async function recordFeedback(deps: SlackDeps, click: Click, value: FeedbackValue, entryId: string): Promise<void> {
  const { args, place, tell, t } = click;
  await deps.store.append({
    kind: 'feedback',
    at: new Date().toISOString(),
    user: args.body.user.id,
    channel: place.channel,
    entryId,
    value,
  });
  if (value !== 'need-person') {
    await tell(thanks(value, t));
    return;
  }
  if (!place.channel) throw new Error('need-person click without a channel');
  const who = formatEscalation(deps.config.escalation) ?? t.askChannel;
  await args.client.chat.postMessage({
    channel: place.channel,
    ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
    text: t.needPersonCall(args.body.user.id, who),
  });
}
