import { type Finding, type FooterReport, MIIT_URL, type Verdict } from '../../core/footer/types.js';
import type { KnownBlock } from './kit.js';
import { paginateBlocks, type SlackMessage } from './message.js';
import { encodeLinkUrl, escapeMrkdwn, escapePageText, MAX_SECTION_CHARS, splitText } from './mrkdwn.js';

const VERDICT: Record<Verdict, string> = {
  pass: '✅ Pass',
  warn: '⚠️ Pass with warnings',
  fail: '❌ Fail',
  inconclusive: '❔ Could not check',
};

const SEVERITY: Record<Finding['severity'], string> = { error: '❌', warning: '⚠️', info: '✅' };

/** The interim reply while footers are being checked. */
export function buildCheckingMessage(targets: readonly string[]): SlackMessage {
  const list = targets.map(escapeMrkdwn).join(', ');
  return {
    text: `Checking ${list}…`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `⏳ Checking ${list}…` } }],
  };
}

/** A target whose check threw: it gets its own "could not check" entry instead of a report. */
export interface FailedCheck {
  target: string;
  failed: true;
}

/** What one target's check gave: its report, or the failure. */
export type CheckOutcome = FooterReport | FailedCheck;

/** What a person reads for a target whose check failed on our side; the detail is in the log. */
export const CHECK_FAILED_TEXT =
  'Something went wrong on my side while checking this site. It has been logged; please try again in a moment.';

/** Builds the footer-check report: per target the verdict, each finding with its mark, the numbers found. */
export function buildFooterReportMessages(outcomes: readonly CheckOutcome[]): SlackMessage[] {
  const body = outcomes.flatMap((outcome, index) =>
    'failed' in outcome ? failedBlocks(outcome, index) : reportBlocks(outcome, index),
  );
  const tail: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Look a filing number up on the MIIT query page: <${MIIT_URL}|beian.miit.gov.cn>`,
        },
      ],
    },
  ];
  const summary = outcomes
    .map((o) => `${escapePageText(o.target)}: ${VERDICT['failed' in o ? 'inconclusive' : o.verdict]}`)
    .join('; ');
  return paginateBlocks(`Footer check — ${summary}`, [], body, tail);
}

// Everything from the page (the final URL after redirects, hrefs and link text quoted in findings, the numbers)
// goes through escapePageText, and sections are verbatim, so a page can neither link, mention nor format.
function reportBlocks(report: FooterReport, index: number): KnownBlock[] {
  const url = report.finalUrl ?? report.url;
  // A bare <url> shows the URL itself as its label, exactly, with no mrkdwn read inside it.
  const where = url && /^https?:/i.test(url) ? ` (<${encodeLinkUrl(url)}>)` : '';
  const lines = [`*${escapePageText(report.target)}*${where} — *${VERDICT[report.verdict]}*`];
  lines.push(...report.findings.map((f) => `${SEVERITY[f.severity]} ${escapePageText(f.message)}`));
  lines.push(...numberLines(report));
  const blocks: KnownBlock[] = index > 0 ? [{ type: 'divider' }] : [];
  for (const chunk of splitText(lines.join('\n'), MAX_SECTION_CHARS)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk, verbatim: true } });
  }
  return blocks;
}

function failedBlocks(failed: FailedCheck, index: number): KnownBlock[] {
  const text = `*${escapePageText(failed.target)}* — *${VERDICT.inconclusive}*\n${SEVERITY.error} ${CHECK_FAILED_TEXT}`;
  const section: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
  return index > 0 ? [{ type: 'divider' }, section] : [section];
}

function numberLines(report: FooterReport): string[] {
  const lines: string[] = [];
  if (report.icp) lines.push(`ICP number found: \`${escapePageText(report.icp.number)}\``);
  if (report.publicSecurity) {
    lines.push(`Public security number found: \`${escapePageText(report.publicSecurity.number)}\``);
  }
  if (report.otherNumbers.length > 0) {
    lines.push(`Other numbers on the page: ${report.otherNumbers.map((n) => `\`${escapePageText(n)}\``).join(', ')}`);
  }
  if (report.redirects.length > 0) lines.push(`Followed ${report.redirects.length} redirect(s).`);
  if (report.rendered) lines.push('Judged on the browser-rendered page.');
  return lines;
}
