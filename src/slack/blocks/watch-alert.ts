import type { Verdict } from '../../core/footer/types.js';
import type { AlertEvent } from '../../core/watch/types.js';
import type { Catalogue } from '../messages/catalogue.js';
import { ACTION } from './action-ids.js';
import { screenshotBlock, verdictText } from './footer-report.js';
import type { KnownBlock } from './kit.js';
import type { SlackMessage } from './message.js';
import { encodeLinkUrl, escapePageText, MAX_SECTION_CHARS, splitText } from './mrkdwn.js';

/** Most alerts one digest lists in full (a section and two buttons each, within Slack's 50 blocks). */
export const MAX_DIGEST_ALERTS = 15;
/** Most new findings an alert lists. */
const MAX_FINDINGS = 8;
/** Slack's limit on blocks in one message. */
const MAX_BLOCKS = 50;

/** An alert as posted: its footer picture, when there was one, already uploaded (the file's id). */
export type PostedAlert = Omit<AlertEvent, 'screenshot'> & { screenshotFileId?: string };

/** A time as alerts show it: `2026-12-02 01:40 UTC`. */
export function alertTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One alert as its own message: what changed, a link to the site, its footer picture, and the two buttons. */
export function buildAlertMessage(event: PostedAlert, t: Catalogue): SlackMessage {
  return { text: headingOf(event, t), blocks: alertBlocks(event, t, true) };
}

/**
 * A burst of alerts for one conversation as one digest message; past MAX_DIGEST_ALERTS, a count of the rest.
 * Footer pictures are shown for the first alerts that have one, as far as Slack's 50 blocks leave room.
 */
export function buildAlertDigest(events: readonly PostedAlert[], t: Catalogue): SlackMessage {
  if (events.length === 1 && events[0]) return buildAlertMessage(events[0], t);
  const shown = events.slice(0, MAX_DIGEST_ALERTS);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: t.alertDigest(events.length) } }];
  const parts = shown.map((event) => alertBlocks(event, t, false));
  const more = events.length > shown.length ? 1 : 0;
  let room = MAX_BLOCKS - 1 - more - parts.reduce((sum, part, i) => sum + part.length + (i > 0 ? 1 : 0), 0);
  for (const [i, event] of shown.entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    const part = parts[i] ?? [];
    if (event.screenshotFileId && room > 0) {
      room -= 1;
      part.splice(sectionCount(part), 0, screenshotBlock(event.screenshotFileId, event.target, t));
    }
    blocks.push(...part);
  }
  if (events.length > shown.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.alertMore(events.length - shown.length) }] });
  }
  const text = [t.alertDigest(events.length), ...events.map((e) => headingOf(e, t))].join('\n').slice(0, 3000);
  return { text, blocks };
}

function sectionCount(blocks: readonly KnownBlock[]): number {
  return blocks.filter((b) => b.type === 'section').length;
}

function headingOf(event: PostedAlert, t: Catalogue): string {
  const target = escapePageText(event.target);
  if (event.kind === 'regression') return t.alertRegression(target);
  if (event.kind === 'recovery') return t.alertRecovery(target);
  return t.alertUnreachable(target, alertTime(event.incidentSince), event.inconclusiveCount);
}

function alertBlocks(event: PostedAlert, t: Catalogue, picture: boolean): KnownBlock[] {
  const verdict = (v: Verdict | null) => (v === null ? '—' : verdictText(v, t));
  const number = (n: string | null) => (n === null ? t.noNumber : `\`${escapePageText(n)}\``);
  const lines = [`*${headingOf(event, t)}*`];
  if (event.kind !== 'unreachable')
    lines.push(t.alertVerdicts(verdict(event.verdictBefore), verdict(event.verdictAfter)));
  lines.push(
    event.numberBefore === event.numberAfter
      ? t.alertNumber(number(event.numberAfter))
      : t.alertNumbers(number(event.numberBefore), number(event.numberAfter)),
  );
  const findings =
    event.kind === 'unreachable' ? event.findings.filter((f) => f.severity === 'error') : event.newFindings;
  if (findings.length > 0) {
    lines.push(t.alertNewFindings);
    for (const f of findings.slice(0, MAX_FINDINGS)) {
      lines.push(`${f.severity === 'error' ? '❌' : '⚠️'} ${escapePageText(f.message)}`);
    }
  }
  if (/^https?:\/\//i.test(event.url)) lines.push(t.alertSite(`<${encodeLinkUrl(event.url)}>`));
  const blocks: KnownBlock[] = splitText(lines.join('\n'), MAX_SECTION_CHARS).map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk, verbatim: true },
  }));
  if (picture && event.screenshotFileId) blocks.push(screenshotBlock(event.screenshotFileId, event.target, t));
  if (event.kind !== 'recovery') blocks.push(alertButtons(event.target, t));
  return blocks;
}

function alertButtons(target: string, t: Catalogue): KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION.watchRecheck,
        text: { type: 'plain_text', text: t.alertRecheck, emoji: true },
        value: target,
      },
      {
        type: 'button',
        action_id: ACTION.watchMute,
        text: { type: 'plain_text', text: t.alertMute, emoji: true },
        value: target,
      },
    ],
  };
}
