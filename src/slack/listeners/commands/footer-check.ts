import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { FooterReport } from '../../../core/footer/types.js';
import { buildCheckingMessage, buildFooterReportMessages, type CheckOutcome } from '../../blocks/footer-report.js';
import type { SlackMessage } from '../../blocks/message.js';
import type { SlackDeps } from '../../deps.js';
import { parseFooterTargets } from '../../footer-targets.js';
import { runGuarded } from '../../guard.js';
import type { Catalogue } from '../../messages/catalogue.js';
import { respondChecked } from '../../post-reply.js';
import { replyPrivately } from '../../private-reply.js';
import { createResponseBatcher } from '../../response-batches.js';
import { uploadScreenshot } from '../../upload-screenshot.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/footer-check TARGET…`: acknowledged at once; each target's report follows through the response URL as
 * soon as it is ready. A target whose check throws gets its own "could not check" entry; the others still arrive.
 */
export function createFooterCheckCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: Args): Promise<void> => {
    // Site names say nothing about the reader's language, so only the locale (bounded wait) or the default decide.
    const t = await deps.languages.catalogueFor(client, command.user_id);
    const parsed = parseFooterTargets(command.text ?? '', deps.config.footerCommand, t);
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', text: parsed.error });
      return;
    }
    await ack({ response_type: 'ephemeral', ...buildCheckingMessage(parsed.targets, t) });
    const who = { user: command.user_id, channel: command.channel_id };
    await runGuarded(
      deps.logger,
      deps.config.footerCommand,
      () => {
        const to = { respond, client, user: command.user_id, logger: deps.logger };
        return checkAndReport(deps, parsed.targets, who, (messages) => replyPrivately(to, messages), t, client);
      },
      (text) => respondChecked(respond, { response_type: 'ephemeral', text }),
      t,
    );
  };
}

/** Who asked for a check, for the App Home's history. */
export interface CheckRequester {
  user: string;
  channel: string | null;
}

/**
 * Checks every target (bounded concurrency) and posts each report through `post` as soon as it is ready,
 * batching what finishes together; each finished check is recorded for the requester's App Home. With
 * BEIAN_RENDER, pages are rendered and each footer picture is uploaded through `client` and shown in its report.
 */
export async function checkAndReport(
  deps: SlackDeps,
  targets: readonly string[],
  who: CheckRequester,
  post: (messages: readonly SlackMessage[]) => Promise<void>,
  t: Catalogue,
  client?: webApi.WebClient,
): Promise<void> {
  const batcher = createResponseBatcher<CheckOutcome>({
    total: targets.length,
    build: (outcomes) => buildFooterReportMessages(outcomes, t),
    post,
    lost: (outcomes, error) =>
      deps.logger.error(
        `${deps.config.footerCommand}: the report for ${outcomes.map((o) => o.target).join(', ')} was lost:`,
        error,
      ),
  });
  await mapBounded(targets, deps.config.checkConcurrency, async (target, index) => {
    const outcome = await withScreenshot(deps, await checkOne(deps, target), t, client);
    batcher.add(index, outcome);
    if (!('failed' in outcome)) await recordCheck(deps, outcome, who);
  });
  await batcher.done();
}

async function checkOne(deps: SlackDeps, target: string): Promise<CheckOutcome> {
  const { config, core } = deps;
  const options = {
    allowPrivateNetwork: config.allowPrivateNetwork,
    timeoutMs: config.checkTimeoutMs,
    maxBytes: config.maxPageBytes,
    ...(config.render ? { render: true, screenshot: true } : {}),
  };
  try {
    return await core.checkFooter(target, options);
  } catch (error) {
    deps.logger.error(`${config.footerCommand}: checking ${target} failed:`, error);
    return { target, failed: true };
  }
}

// The picture's bytes are let go once uploaded: the report keeps only the file id.
async function withScreenshot(
  deps: SlackDeps,
  outcome: CheckOutcome,
  t: Catalogue,
  client: webApi.WebClient | undefined,
): Promise<CheckOutcome> {
  if ('failed' in outcome || !outcome.screenshot) return outcome;
  const { screenshot: _bytes, ...report } = outcome;
  const fileId = client ? await uploadScreenshot(client, outcome, t, deps.logger) : null;
  return fileId ? { ...report, screenshotFileId: fileId } : report;
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
function recordCheck(deps: SlackDeps, report: FooterReport, who: CheckRequester): Promise<void> {
  return deps.store
    .append({
      kind: 'footer-check',
      at: new Date().toISOString(),
      user: who.user,
      channel: who.channel,
      target: report.target,
      verdict: report.verdict,
      icp: report.icp?.number ?? null,
    })
    .catch((error: unknown) => deps.logger.error(`${deps.config.footerCommand}: recording a check failed:`, error));
}
