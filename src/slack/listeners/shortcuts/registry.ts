import type { SlackDeps } from '../../deps.js';
import { createAskAboutMessageShortcut, type MessageShortcutArgs } from './ask-about-message.js';
import { createCheckMessageLinksShortcut } from './check-message-links.js';
import { createSaveFaqAnswerShortcut } from './save-faq-answer.js';

/** One message shortcut: what slack-app-manifest.yml declares for it, and its listener. */
export interface MessageShortcutDefinition {
  callbackId: string;
  /** The menu label (Slack allows 24 characters). */
  name: string;
  /** Slack allows 80 characters. */
  description: string;
  create: (deps: SlackDeps) => (args: MessageShortcutArgs) => Promise<void>;
}

/** Every shortcut the app has, in one list: registerListeners registers them and the manifest test checks them. */
export const MESSAGE_SHORTCUTS: readonly MessageShortcutDefinition[] = [
  {
    callbackId: 'ask_beian',
    name: 'Ask beian about this',
    description: 'Answers the question in this message privately, with a Share in thread button',
    create: createAskAboutMessageShortcut,
  },
  {
    callbackId: 'check_footers',
    name: 'Check footers of links',
    description: 'Checks the footers of the sites this message links to; replies in its thread',
    create: createCheckMessageLinksShortcut,
  },
  {
    callbackId: 'save_faq_answer',
    name: 'Save as FAQ answer',
    description: 'Saves this answer, with its thread’s question, as a knowledge-base draft',
    create: createSaveFaqAnswerShortcut,
  },
];
