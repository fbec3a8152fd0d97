import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { FooterCheckRecord } from '../../store/records.js';
import type { Catalogue } from '../messages/catalogue.js';
import { verdictText } from './footer-report.js';
import { buildCapabilityBlocks, type CommandNames } from './help.js';
import type { HomeView, KnownBlock } from './kit.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Builds the App Home tab: what the bot does, the topics, and this person's recent footer checks. */
export function buildHomeView(
  kb: KnowledgeBase,
  commands: CommandNames,
  recentChecks: readonly FooterCheckRecord[],
  t: Catalogue,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.homeHeader, emoji: true } },
    ...buildCapabilityBlocks(kb, commands, t),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${t.recentChecks}\n${describeChecks(recentChecks, t)}` } },
  ];
  return { type: 'home', blocks };
}

function describeChecks(checks: readonly FooterCheckRecord[], t: Catalogue): string {
  if (checks.length === 0) return t.noChecksYet;
  return checks
    .map((c) => {
      const icp = c.icp ? ` · \`${escapeMrkdwn(c.icp)}\`` : '';
      return `*${escapeMrkdwn(c.target)}* — ${verdictText(c.verdict, t)}${icp} · ${c.at.slice(0, 10)}`;
    })
    .join('\n');
}
