import type { KnowledgeBase } from '../../core/knowledge/types.js';
import type { FooterCheckRecord } from '../../store/records.js';
import type { Catalogue } from '../messages/catalogue.js';
import { verdictText } from './footer-report.js';
import { buildCapabilityBlocks, type CommandNames } from './help.js';
import type { HomeView, KnownBlock } from './kit.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { describeWatches, type WatchSummary } from './watch-list.js';

/** The sites a person watches, for the App Home; `command` is the watch list's slash command. */
export interface HomeWatches {
  summaries: readonly WatchSummary[];
  command: string;
  now: number;
}

/** Builds the App Home tab: what the bot does, the topics, this person's recent footer checks and watched sites. */
export function buildHomeView(
  kb: KnowledgeBase,
  commands: CommandNames,
  recentChecks: readonly FooterCheckRecord[],
  t: Catalogue,
  watches?: HomeWatches,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.homeHeader, emoji: true } },
    ...buildCapabilityBlocks(kb, commands, t),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${t.recentChecks}\n${describeChecks(recentChecks, t)}` } },
  ];
  if (watches) {
    const list =
      watches.summaries.length === 0
        ? t.homeNoWatches(watches.command)
        : describeWatches(watches.summaries, t, watches.now);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${t.homeWatches}\n${list}`.slice(0, 3000) } });
  }
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
