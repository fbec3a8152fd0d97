import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildWelcomeMessage, pickPrompts } from '../../blocks/prompts.js';
import type { SlackDeps } from '../../deps.js';
import { postMessages } from '../../post-reply.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/**
 * The Messages tab opened: the first time (the conversation is still empty), a welcome with the most useful
 * questions as buttons. Slack sends this event on every visit, so an empty history is the "first time".
 */
export async function welcomeToMessagesTab(deps: SlackDeps, { event, client }: Args): Promise<void> {
  try {
    const history = await client.conversations.history({ channel: event.channel, limit: 1 });
    if ((history.messages?.length ?? 0) > 0) return;
    const t = await deps.languages.catalogueFor(client, event.user);
    const prompts = pickPrompts(deps.core.kb, await deps.usefulEntries(), t);
    await postMessages(client, { channel: event.channel }, [buildWelcomeMessage(prompts, t)]);
  } catch (error) {
    // Nobody asked anything: without the welcome the tab is simply empty until they write.
    deps.logger.error('app_home_opened (messages tab) failed:', error);
  }
}
