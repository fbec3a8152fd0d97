import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION, SUGGESTION_ACTION } from '../blocks/action-ids.js';
import type { SlackDeps } from '../deps.js';
import { createFeedbackActionListener } from './actions/feedback.js';
import { createShareActionListener } from './actions/share.js';
import { createSuggestionActionListener } from './actions/suggestion.js';
import { createFaqCommandListener } from './commands/faq.js';
import { createFooterCheckCommandListener } from './commands/footer-check.js';
import { createAppHomeOpenedListener } from './events/app-home-opened.js';
import { createAppMentionListener } from './events/app-mention.js';
import { createMessageListener } from './events/message.js';

type Click = BlockAction<ButtonAction>;

/** What registerListeners subscribed to; the manifest test compares it with slack-app-manifest.yml. */
export interface Registered {
  events: string[];
  commands: string[];
  actions: string[];
}

/** Registers every listener on `app` (one file each, as in slack-samples' starter template). */
export function registerListeners(app: App, deps: SlackDeps): Registered {
  const registered: Registered = { events: [], commands: [], actions: [] };

  app.event('app_mention', createAppMentionListener(deps));
  app.event('message', createMessageListener(deps));
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
  registered.events.push('app_mention', 'message', 'app_home_opened');

  app.command(deps.config.faqCommand, createFaqCommandListener(deps));
  app.command(deps.config.footerCommand, createFooterCheckCommandListener(deps));
  registered.commands.push(deps.config.faqCommand, deps.config.footerCommand);

  app.action<Click>(ACTION.helpful, createFeedbackActionListener(deps, 'helpful'));
  app.action<Click>(ACTION.notHelpful, createFeedbackActionListener(deps, 'not-helpful'));
  app.action<Click>(ACTION.solved, createFeedbackActionListener(deps, 'solved'));
  app.action<Click>(ACTION.needPerson, createFeedbackActionListener(deps, 'need-person'));
  app.action<Click>(SUGGESTION_ACTION, createSuggestionActionListener(deps));
  app.action<Click>(ACTION.share, createShareActionListener(deps));
  registered.actions.push(...Object.values(ACTION));

  return registered;
}
