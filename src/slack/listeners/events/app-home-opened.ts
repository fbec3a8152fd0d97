import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildHomeView, type HomeWatches } from '../../blocks/home.js';
import { MAX_LISTED_WATCHES } from '../../blocks/watch-list.js';
import type { SlackDeps } from '../../deps.js';
import { summarise } from '../commands/footer-watch.js';
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
      const watches = await homeWatches(deps, event.user);
      await client.views.publish({
        user_id: event.user,
        view: buildHomeView(deps.core.kb, commands, checks, t, watches),
      });
    } catch (error) {
      // Nobody to tell in a thread: the Home tab simply keeps its previous content.
      deps.logger.error('app_home_opened failed:', error);
    }
  };
}

// The sites this person owns (added with /footer-watch), with their latest checks.
async function homeWatches(deps: SlackDeps, user: string): Promise<HomeWatches> {
  const mine = (await deps.watches.list()).filter((w) => w.owner === user || w.owner === `<@${user}>`);
  return {
    summaries: await summarise(deps.watches, mine.slice(0, MAX_LISTED_WATCHES)),
    command: deps.config.watchCommand,
    now: Date.now(),
  };
}
