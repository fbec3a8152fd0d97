import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { Catalogue } from '../messages/catalogue.js';
import type { KnownBlock } from './kit.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The slash commands as configured, for help texts. */
export interface CommandNames {
  faq: string;
  footer: string;
}

/** One line per topic: its name and how many entries it has. */
export function describeTopics(kb: KnowledgeBase, t: Catalogue): string {
  const counts = new Map<string, number>();
  for (const entry of kb.entries) counts.set(entry.topic, (counts.get(entry.topic) ?? 0) + 1);
  if (kb.topics.length === 0) return t.emptyKnowledgeBase;
  return kb.topics.map((t) => `• *${escapeMrkdwn(t)}* (${counts.get(t) ?? 0})`).join('\n');
}

/** What the bot does, as blocks (shared by `/faq` alone, a bare mention and the App Home). */
export function buildCapabilityBlocks(kb: KnowledgeBase, commands: CommandNames, t: Catalogue): KnownBlock[] {
  const does = [
    t.capabilityIntro,
    t.capabilityAsk(commands.faq),
    t.capabilityFooter(commands.footer),
    t.capabilityShortcuts,
  ].join('\n');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: does } },
    { type: 'section', text: { type: 'mrkdwn', text: `${t.topicsHeading}\n${describeTopics(kb, t)}` } },
  ];
}

/** The reply to `/faq` with no question: what the bot does and the topics. */
export function buildHelpMessage(kb: KnowledgeBase, commands: CommandNames, t: Catalogue): SlackMessage {
  return { text: t.helpText, blocks: buildCapabilityBlocks(kb, commands, t) };
}
