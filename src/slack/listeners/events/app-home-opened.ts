import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView } from '../../blocks/home.js';
import type { SlackDeps } from '../../deps.js';
import { welcomeToMessagesTab } from './messages-tab.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/** Publishes the App Home (what the bot does, the topics, recent footer checks); welcomes to the Messages tab. */
export function createAppHomeOpenedListener(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { event, client } = args;
    if (event.tab === 'messages') return welcomeToMessagesTab(deps, args);
    if (event.tab !== 'home') return;
    try {
      const t = await deps.languages.catalogueFor(client, event.user);
      const checks = await deps.store.recentChecks(event.user, 5);
      const commands = { faq: deps.config.faqCommand, footer: deps.config.footerCommand };
      await client.views.publish({ user_id: event.user, view: buildHomeView(deps.core.kb, commands, checks, t) });
    } catch (error) {
      // Nobody to tell in a thread: the Home tab simply keeps its previous content.
      deps.logger.error('app_home_opened failed:', error);
    }
  };
}
