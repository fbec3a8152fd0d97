import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { FooterReport } from '../../../core/footer/types.js';
import { buildCheckingMessage, buildFooterReportMessages, type CheckOutcome } from '../../blocks/footer-report.js';
import type { SlackDeps } from '../../deps.js';
import { parseFooterTargets } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import { respondChecked, respondMessages } from '../../post-reply.js';
import { createResponseBatcher } from '../../response-batches.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/footer-check TARGET…`: acknowledged at once; each target's report follows through the response URL as
 * soon as it is ready. A target whose check throws gets its own "could not check" entry; the others still arrive.
 */
export function createFooterCheckCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond }: Args): Promise<void> => {
    const parsed = parseFooterTargets(command.text ?? '', deps.config.footerCommand);
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', text: parsed.error });
      return;
    }
    await ack({ response_type: 'ephemeral', ...buildCheckingMessage(parsed.targets) });
    await runGuarded(
      deps.logger,
      deps.config.footerCommand,
      () => checkAndReport(deps, parsed.targets, command, respond),
      (text) => respondChecked(respond, { response_type: 'ephemeral', text }),
    );
  };
}

async function checkAndReport(
  deps: SlackDeps,
  targets: readonly string[],
  command: Args['command'],
  respond: Args['respond'],
): Promise<void> {
  const batcher = createResponseBatcher<CheckOutcome>({
    total: targets.length,
    build: buildFooterReportMessages,
    post: (messages) => respondMessages(respond, messages),
    lost: (outcomes, error) =>
      deps.logger.error(
        `${deps.config.footerCommand}: the report for ${outcomes.map((o) => o.target).join(', ')} was lost:`,
        error,
      ),
  });
  await mapBounded(targets, deps.config.checkConcurrency, async (target, index) => {
    const outcome = await checkOne(deps, target);
    batcher.add(index, outcome);
    if (!('failed' in outcome)) await recordCheck(deps, outcome, command);
  });
  await batcher.done();
}

async function checkOne(deps: SlackDeps, target: string): Promise<CheckOutcome> {
  const { config, core } = deps;
  const options = {
    allowPrivateNetwork: config.allowPrivateNetwork,
    timeoutMs: config.checkTimeoutMs,
    maxBytes: config.maxPageBytes,
  };
  try {
    return await core.checkFooter(target, options);
  } catch (error) {
    deps.logger.error(`${config.footerCommand}: checking ${target} failed:`, error);
    return { target, failed: true };
  }
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

// A store that cannot write costs the App Home history, not the report: logged, never thrown.
function recordCheck(deps: SlackDeps, report: FooterReport, command: Args['command']): Promise<void> {
  return deps.store
    .append({
      kind: 'footer-check',
      at: new Date().toISOString(),
      user: command.user_id,
      channel: command.channel_id,
      target: report.target,
      verdict: report.verdict,
      icp: report.icp?.number ?? null,
    })
    .catch((error: unknown) => deps.logger.error(`${deps.config.footerCommand}: recording a check failed:`, error));
}
