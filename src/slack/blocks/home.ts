import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { FooterCheckRecord } from '../../store/records.js';
import { buildCapabilityBlocks, type CommandNames } from './help.js';
import type { HomeView, KnownBlock } from './kit.js';
import { escapeMrkdwn } from './mrkdwn.js';

const VERDICT_MARK: Record<FooterCheckRecord['verdict'], string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  inconclusive: '❔',
};

/** Builds the App Home tab: what the bot does, the topics, and this person's recent footer checks. */
export function buildHomeView(
  kb: KnowledgeBase,
  commands: CommandNames,
  recentChecks: readonly FooterCheckRecord[],
): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: '备案 FAQ bot', emoji: true } },
    ...buildCapabilityBlocks(kb, commands),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*Your recent footer checks*\n${describeChecks(recentChecks)}` } },
  ];
  return { type: 'home', blocks };
}

function describeChecks(checks: readonly FooterCheckRecord[]): string {
  if (checks.length === 0) return `_None yet._`;
  return checks
    .map((c) => {
      const icp = c.icp ? ` · \`${escapeMrkdwn(c.icp)}\`` : '';
      return `${VERDICT_MARK[c.verdict]} *${escapeMrkdwn(c.target)}* — ${c.verdict}${icp} · ${c.at.slice(0, 10)}`;
    })
    .join('\n');
}
