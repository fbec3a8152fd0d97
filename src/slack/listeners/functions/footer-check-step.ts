import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { FooterReport } from '../../../core/footer/types.js';
import { verdictText } from '../../blocks/footer-report.js';
import type { SlackDeps } from '../../deps.js';
import type { Catalogue } from '../../messages/catalogue.js';

/** The custom step's callback id; slack-app-manifest.yml declares it under `functions`. */
export const FOOTER_CHECK_FUNCTION = 'footer_check';

/** Longest summary the step outputs: Workflow Builder puts it into messages, which should stay readable. */
export const MAX_SUMMARY_CHARS = 1500;

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'function_executed'>;

/** The step's outputs, as the manifest names them. */
export interface FooterCheckOutputs {
  verdict: FooterReport['verdict'];
  icp_number: string;
  summary: string;
}

/**
 * Workflow Builder step "Check a site's footer": inputs `target` (required), `expected_number` and `requested_by`
 * (optional, whose language the summary is in); completes with the verdict, the ICP number found and a summary.
 * A missing target or a check that throws ends the step with `fail` and a sentence saying why.
 */
export function createFooterCheckStepListener(deps: SlackDeps) {
  return async ({ inputs, complete, fail, client }: Args): Promise<void> => {
    const target = textInput(inputs.target);
    const expect = textInput(inputs.expected_number);
    const t = await deps.languages.catalogueFor(client, textInput(inputs.requested_by) || undefined, target);
    if (target === '') {
      await fail({ error: t.stepNoTarget });
      return;
    }
    let report: FooterReport;
    try {
      report = await deps.core.checkFooter(target, {
        allowPrivateNetwork: deps.config.allowPrivateNetwork,
        timeoutMs: deps.config.checkTimeoutMs,
        maxBytes: deps.config.maxPageBytes,
        ...(expect ? { expect } : {}),
      });
    } catch (error) {
      deps.logger.error(`Workflow step ${FOOTER_CHECK_FUNCTION}: checking ${target} failed:`, error);
      await fail({ error: t.checkFailed });
      return;
    }
    await complete({ outputs: stepOutputs(report, t) });
  };
}

/** The step's outputs for a report: plain text (no mrkdwn), since the workflow decides where it goes. */
export function stepOutputs(report: FooterReport, t: Catalogue): FooterCheckOutputs {
  const lines = [`${report.target}: ${verdictText(report.verdict, t)}`];
  if (report.icp) lines.push(t.icpFound(report.icp.number));
  for (const finding of report.findings) {
    if (finding.severity !== 'info') lines.push(`${finding.severity === 'error' ? '❌' : '⚠️'} ${finding.message}`);
  }
  const summary = lines.join('\n');
  return {
    verdict: report.verdict,
    icp_number: report.icp?.number ?? '',
    summary: summary.length > MAX_SUMMARY_CHARS ? `${summary.slice(0, MAX_SUMMARY_CHARS - 1)}…` : summary,
  };
}

function textInput(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
