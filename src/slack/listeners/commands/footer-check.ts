import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { FooterReport } from '../../../core/footer/types.js';
import { buildCheckingMessage, buildFooterReportMessages } from '../../blocks/footer-report.js';
import type { SlackDeps } from '../../deps.js';
import { parseFooterTargets } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import { respondChecked, respondMessages } from '../../post-reply.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/footer-check TARGET…`: acknowledged at once; the report follows through the response URL. */
export function createFooterCheckCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond }: Args): Promise<void> => {
    const parsed = parseFooterTargets(command.text, deps.config.footerCommand);
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', text: parsed.error });
      return;
    }
    await ack({ response_type: 'ephemeral', ...buildCheckingMessage(parsed.targets) });
    await runGuarded(
      deps.logger,
      deps.config.footerCommand,
      async () => {
        const reports = await checkAll(deps, parsed.targets);
        await respondMessages(respond, buildFooterReportMessages(reports));
        for (const report of reports) await recordCheck(deps, report, command);
      },
      (text) => respondChecked(respond, { response_type: 'ephemeral', text }),
    );
  };
}

async function checkAll(deps: SlackDeps, targets: readonly string[]): Promise<FooterReport[]> {
  const { config, core } = deps;
  const options = {
    allowPrivateNetwork: config.allowPrivateNetwork,
    timeoutMs: config.checkTimeoutMs,
    maxBytes: config.maxPageBytes,
  };
  return mapBounded(targets, config.checkConcurrency, (target) => core.checkFooter(target, options));
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

function recordCheck(deps: SlackDeps, report: FooterReport, command: Args['command']): Promise<void> {
  return deps.store.append({
    kind: 'footer-check',
    at: new Date().toISOString(),
    user: command.user_id,
    channel: command.channel_id,
    target: report.target,
    verdict: report.verdict,
    icp: report.icp?.number ?? null,
  });
}
