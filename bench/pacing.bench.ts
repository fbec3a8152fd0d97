/**
 * Pacing (`npm run bench pacing`): a burst of 50 answers into one channel at a stand-in Web API that, like
 * Slack, refuses posts into a channel sooner than its pace with 429 and `Retry-After: 1`.
 * - before: the Web API client as it was (no pacer; WebClient waits out a 429 itself, pausing every call, and
 *   gives up after DEFAULT_RETRY_CONFIG's retries), the 50 posts sent as the answers are ready (all at once);
 * - after: the same client with `rejectRateLimitedCalls` and paceClient, as createSlackApp builds it.
 * Reported: posts delivered, in order or not, 429s answered, and the time until the last post arrived.
 * The pace is 100 ms here instead of Slack's 1 s so a run takes seconds; Retry-After stays Slack's 1 s.
 */
import { LogLevel, webApi } from '@slack/bolt';
import { paceClient } from '../src/slack/pacing.js';
import { DEFAULT_RETRY_CONFIG } from '../src/slack/web-client.js';
import { startFakeSlackApi } from '../test/slack/helpers/fake-slack-api.js';

const BURST = 50;
const PACE_MS = 100;
const CHANNEL = 'C0BENCH01';

async function burst(paced: boolean) {
  const api = await startFakeSlackApi();
  api.rateLimit('chat.postMessage', { minIntervalMs: PACE_MS / 2, retryAfterS: 1 });
  const client = new webApi.WebClient('xoxb-bench', {
    slackApiUrl: api.apiUrl,
    retryConfig: DEFAULT_RETRY_CONFIG,
    logLevel: LogLevel.ERROR,
    ...(paced ? { rejectRateLimitedCalls: true } : {}),
  });
  if (paced) paceClient(client, { paceMs: { 'chat.postMessage': PACE_MS } });
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: BURST }, (_, i) => client.chat.postMessage({ channel: CHANNEL, text: `answer ${i}` })),
  );
  const seconds = (performance.now() - started) / 1000;
  const delivered = api.callsTo('chat.postMessage').filter((c) => !c.rateLimited);
  const order = delivered.map((c) => Number(String(c.args.text).split(' ')[1]));
  await api.close();
  return {
    delivered: delivered.length,
    failed: results.filter((r) => r.status === 'rejected').length,
    inOrder: order.every((n, i) => i === 0 || n > (order[i - 1] ?? -1)),
    refusals: api.refusals.length,
    seconds,
  };
}

const before = await burst(false);
const after = await burst(true);
console.log(`${BURST} answers into one channel; Slack-like limit: one per ${PACE_MS} ms, 429 with Retry-After: 1\n`);
console.log('| | delivered | lost | in order | 429s | last post after |');
console.log('|---|---|---|---|---|---|');
for (const [name, r] of [
  ['before (no pacer)', before],
  ['after (paced)', after],
] as const) {
  console.log(
    `| ${name} | ${r.delivered}/${BURST} | ${r.failed} | ${r.inOrder ? 'yes' : 'no'} | ${r.refusals} | ${r.seconds.toFixed(1)} s |`,
  );
}
console.log(
  `\nideal: ${(((BURST - 1) * PACE_MS) / 1000).toFixed(1)} s (${BURST - 1} paces); after/ideal ${(after.seconds / (((BURST - 1) * PACE_MS) / 1000)).toFixed(2)}×`,
);
