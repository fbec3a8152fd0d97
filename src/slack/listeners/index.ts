import type { App, MessageShortcut } from '@slack/bolt';
import { ACTION, SUGGESTION_ACTION } from '../blocks/action-ids.js';
import { CAPTURE } from '../blocks/capture-modal.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonClick as Click } from './actions/args.js';
import { createCaptureOpenActionListener } from './actions/capture-open.js';
import { createDigestCaptureListener, createDigestReviewListener } from './actions/digest.js';
import { createFeedbackActionListener, createNativeFeedbackActionListener } from './actions/feedback.js';
import { createLanguageActionListener } from './actions/language.js';
import { createShareActionListener } from './actions/share.js';
import { createSuggestionActionListener } from './actions/suggestion.js';
import { createWatchMuteActionListener, createWatchRecheckActionListener } from './actions/watch.js';
import { createAssistant } from './assistant/assistant.js';
import { createFaqCommandListener } from './commands/faq.js';
import { createFooterCheckCommandListener } from './commands/footer-check.js';
import { createFooterWatchCommandListener } from './commands/footer-watch.js';
import { createAppHomeOpenedListener } from './events/app-home-opened.js';
import { createAppMentionListener } from './events/app-mention.js';
import { createMessageListener } from './events/message.js';
import { createReactionAddedListener } from './events/reaction-added.js';
import { createAppUninstalledListener, createTokensRevokedListener } from './events/uninstall.js';
import { createFooterCheckStepListener, FOOTER_CHECK_FUNCTION } from './functions/footer-check-step.js';
import { MESSAGE_SHORTCUTS } from './shortcuts/registry.js';
import { createCaptureSubmitListener } from './views/capture-submit.js';

/** What registerListeners subscribed to; the manifest test compares it with slack-app-manifest.yml. */
export interface Registered {
  events: string[];
  commands: string[];
  actions: string[];
  /** Message shortcuts' callback ids. */
  shortcuts: string[];
  /** Workflow Builder custom steps' callback ids. */
  functions: string[];
}

/** Registers every listener on `app` (one file each, as in slack-samples' starter template). */
export function registerListeners(app: App, deps: SlackDeps): Registered {
  const registered: Registered = { events: [], commands: [], actions: [], shortcuts: [], functions: [] };

  app.event('app_mention', createAppMentionListener(deps));
  app.event('message', createMessageListener(deps));
  app.event('app_home_opened', createAppHomeOpenedListener(deps));
  registered.events.push('app_mention', 'message', 'app_home_opened');

  // A global middleware: messages in assistant threads (the Messages tab's agent surface) are answered there
  // and reach no listener, so the message listener's DM answer never doubles them.
  app.assistant(createAssistant(deps));
  registered.events.push('assistant_thread_started', 'assistant_thread_context_changed');

  app.event('app_uninstalled', createAppUninstalledListener(deps));
  app.event('tokens_revoked', createTokensRevokedListener(deps));
  registered.events.push('app_uninstalled', 'tokens_revoked');

  app.command(deps.config.faqCommand, createFaqCommandListener(deps));
  app.command(deps.config.footerCommand, createFooterCheckCommandListener(deps));
  registered.commands.push(deps.config.faqCommand, deps.config.footerCommand);

  app.action<Click>(ACTION.feedback, createNativeFeedbackActionListener(deps));
  app.action<Click>(ACTION.helpful, createFeedbackActionListener(deps, 'helpful'));
  app.action<Click>(ACTION.notHelpful, createFeedbackActionListener(deps, 'not-helpful'));
  app.action<Click>(ACTION.solved, createFeedbackActionListener(deps, 'solved'));
  app.action<Click>(ACTION.needPerson, createFeedbackActionListener(deps, 'need-person'));
  app.action<Click>(SUGGESTION_ACTION, createSuggestionActionListener(deps));
  app.action<Click>(ACTION.share, createShareActionListener(deps));
  app.action<Click>(ACTION.language, createLanguageActionListener(deps));
  app.action<Click>(ACTION.digestCapture, createDigestCaptureListener(deps));
  app.action<Click>(ACTION.digestReview, createDigestReviewListener(deps));
  app.action<Click>(ACTION.watchRecheck, createWatchRecheckActionListener(deps));
  app.action<Click>(ACTION.watchMute, createWatchMuteActionListener(deps));
  registered.actions.push(...Object.values(ACTION));

  for (const shortcut of MESSAGE_SHORTCUTS) {
    app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: shortcut.callbackId }, shortcut.create(deps));
    registered.shortcuts.push(shortcut.callbackId);
  }

  // Footer monitoring (issue 10): the watch list command; the alert buttons are with the actions above.
  app.command(deps.config.watchCommand, createFooterWatchCommandListener(deps));
  registered.commands.push(deps.config.watchCommand);

  // Workflow Builder custom step (a function_executed event for its callback id).
  app.function(FOOTER_CHECK_FUNCTION, createFooterCheckStepListener(deps));
  registered.functions.push(FOOTER_CHECK_FUNCTION);
  registered.events.push('function_executed');
  // Capturing answers as knowledge drafts: 📖, its offer's button, the form (the shortcut is in the registry).
  app.event('reaction_added', createReactionAddedListener(deps));
  app.action<Click>(CAPTURE.openAction, createCaptureOpenActionListener(deps));
  app.view(CAPTURE.callbackId, createCaptureSubmitListener(deps));
  registered.events.push('reaction_added');
  registered.actions.push(CAPTURE.openAction);

  return registered;
}
