import { type Finding, type FooterReport, MIIT_URL, type Verdict } from '../../core/footer/types.js';
import type { Catalogue } from '../messages/catalogue.js';
import type { KnownBlock } from './kit.js';
import { paginateBlocks, type SlackMessage } from './message.js';
import { encodeLinkUrl, escapeMrkdwn, escapePageText, MAX_SECTION_CHARS, splitText } from './mrkdwn.js';

/** A verdict as the reader's language names it, with its mark. */
export function verdictText(verdict: Verdict, t: Catalogue): string {
  const texts: Record<Verdict, string> = {
    pass: t.verdictPass,
    warn: t.verdictWarn,
    fail: t.verdictFail,
    inconclusive: t.verdictInconclusive,
  };
  return texts[verdict];
}

const SEVERITY: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: '✅' };

/** The interim reply while footers are being checked. */
export function buildCheckingMessage(targets: readonly string[], t: Catalogue): SlackMessage {
  const list = targets.map(escapeMrkdwn).join(', ');
  return {
    text: t.checking(list),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `⏳ ${t.checking(list)}` } }],
  };
}

/** A target whose check threw: it gets its own "could not check" entry instead of a report. */
export interface FailedCheck {
  target: string;
  failed: true;
}

/** A report whose footer picture was uploaded (its Slack file id), shown as an image block under it. */
export type ReportedCheck = FooterReport & { screenshotFileId?: string };

/** What one target's check gave: its report, or the failure. */
export type CheckOutcome = ReportedCheck | FailedCheck;

/** Builds the footer-check report: per target the verdict, each finding with its mark, the numbers found. */
export function buildFooterReportMessages(outcomes: readonly CheckOutcome[], t: Catalogue): SlackMessage[] {
  const body = outcomes.flatMap((outcome, index) =>
    'failed' in outcome ? failedBlocks(outcome, index, t) : reportBlocks(outcome, index, t),
  );
  const tail: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: t.lookUpOnMiit(`<${MIIT_URL}|beian.miit.gov.cn>`),
        },
      ],
    },
  ];
  const summary = outcomes
    .map((o) => `${escapePageText(o.target)}: ${verdictText('failed' in o ? 'inconclusive' : o.verdict, t)}`)
    .join('; ');
  return paginateBlocks(t.footerCheckTitle(summary), [], body, tail, t);
}

// Everything from the page (the final URL after redirects, hrefs and link text quoted in findings, the numbers)
// goes through escapePageText, and sections are verbatim, so a page can neither link, mention nor format.
function reportBlocks(report: ReportedCheck, index: number, t: Catalogue): KnownBlock[] {
  const url = report.finalUrl ?? report.url;
  // A bare <url> shows the URL itself as its label, exactly, with no mrkdwn read inside it.
  const where = url && /^https?:/i.test(url) ? ` (<${encodeLinkUrl(url)}>)` : '';
  const lines = [`*${escapePageText(report.target)}*${where} — *${verdictText(report.verdict, t)}*`];
  lines.push(...report.findings.map((f) => `${SEVERITY[f.severity]} ${escapePageText(f.message)}`));
  lines.push(...numberLines(report, t));
  const blocks: KnownBlock[] = index > 0 ? [{ type: 'divider' }] : [];
  for (const chunk of splitText(lines.join('\n'), MAX_SECTION_CHARS)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk, verbatim: true } });
  }
  if (report.screenshotFileId) blocks.push(screenshotBlock(report.screenshotFileId, report.target, t));
  return blocks;
}

/** The footer picture as an image block, from a file the bot uploaded. */
export function screenshotBlock(fileId: string, target: string, t: Catalogue): KnownBlock {
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: t.screenshotAlt(target).slice(0, 2000),
    title: { type: 'plain_text', text: t.screenshotTitle(target).slice(0, 2000) },
  };
}

function failedBlocks(failed: FailedCheck, index: number, t: Catalogue): KnownBlock[] {
  const text = `*${escapePageText(failed.target)}* — *${t.verdictInconclusive}*\n${SEVERITY.error} ${t.checkFailed}`;
  const section: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
  return index > 0 ? [{ type: 'divider' }, section] : [section];
}

function numberLines(report: FooterReport, t: Catalogue): string[] {
  const code = (text: string) => `\`${escapePageText(text)}\``;
  const lines: string[] = [];
  if (report.icp) lines.push(t.icpFound(code(report.icp.number)));
  if (report.publicSecurity) lines.push(t.publicSecurityFound(code(report.publicSecurity.number)));
  if (report.otherNumbers.length > 0) lines.push(t.otherNumbers(report.otherNumbers.map(code).join(', ')));
  if (report.redirects.length > 0) lines.push(t.redirects(report.redirects.length));
  if (report.rendered) lines.push(t.rendered);
  return lines;
}
