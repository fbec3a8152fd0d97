import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { KnownBlock } from './kit.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The slash commands as configured, for help texts. */
export interface CommandNames {
  faq: string;
  footer: string;
}

/** One line per topic: its name and how many entries it has. */
export function describeTopics(kb: KnowledgeBase): string {
  const counts = new Map<string, number>();
  for (const entry of kb.entries) counts.set(entry.topic, (counts.get(entry.topic) ?? 0) + 1);
  if (kb.topics.length === 0) return '_The knowledge base is empty._';
  return kb.topics.map((t) => `• *${escapeMrkdwn(t)}* (${counts.get(t) ?? 0})`).join('\n');
}

/** What the bot does, as blocks (shared by `/faq` alone, a bare mention and the App Home). */
export function buildCapabilityBlocks(kb: KnowledgeBase, commands: CommandNames): KnownBlock[] {
  const does = [
    '*I answer questions about China ICP filing (备案).*',
    `• Mention me or send me a DM with a question, or use \`${commands.faq} your question\` for a private answer.`,
    `• \`${commands.footer} example.com\` checks a homepage footer for the filing number and the public security number.`,
  ].join('\n');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: does } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Topics I know about*\n${describeTopics(kb)}` } },
  ];
}

/** The reply to `/faq` with no question: what the bot does and the topics. */
export function buildHelpMessage(kb: KnowledgeBase, commands: CommandNames): SlackMessage {
  return { text: 'What I can do, and the topics I know about', blocks: buildCapabilityBlocks(kb, commands) };
}
