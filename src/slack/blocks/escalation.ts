import type { Catalogue } from '../messages/catalogue.js';

/** Formats the escalation target (a user group, channel or user ID) as a Slack mention; null when unset. */
export function formatEscalation(target: string | undefined): string | null {
  if (!target) return null;
  if (target.startsWith('S')) return `<!subteam^${target}>`;
  if (target.startsWith('U') || target.startsWith('W')) return `<@${target}>`;
  return `<#${target}>`;
}

/** One sentence telling a person how to reach a human. */
export function describeEscalation(target: string | undefined, t: Catalogue): string {
  const mention = formatEscalation(target);
  return mention ? t.escalateTo(mention) : t.escalateChannel;
}
