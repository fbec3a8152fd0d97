import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

// Long enough that half of it (Slack's side below) outlasts the few tens of milliseconds a loaded 2-core machine
// can add to one request's way to the wire: at 60 ms, two full-suite runs saw a post land 30 ms after the one
// before it although the pacer had started them 60 ms apart.
const PACE_MS = 150;
const BURST = 50;
let t: TestSlack;

beforeAll(async () => {
  t = await startTestSlack({ paceMs: { 'chat.postMessage': PACE_MS } });
  // Slack's side: a post in less than half the pace is refused as early (the way to the wire jitters by a few
  // milliseconds on a busy machine), and every 20th is refused anyway.
  t.api.rateLimit('chat.postMessage', { minIntervalMs: PACE_MS / 2, retryAfterS: 1, every: 20 });
});

afterAll(() => t.stop());

const mention = (i: number) => ({
  type: 'app_mention',
  user: 'U0PERSON1',
  text: `<@${FAKE_BOT.user_id}> 备案号会过期吗`,
  ts: `1700004000.${String(i).padStart(6, '0')}`,
  channel: 'C0BURST01',
});

describe('a burst of answers into one channel (HTTP mode)', () => {
  it(`delivers all ${BURST}, in order, never faster than the pace, waiting out each Retry-After`, async () => {
    // One answer first, so the person's language is known and every answer after it goes straight to the queue.
    await t.sendEvent(mention(0));
    await t.api.waitFor('chat.postMessage', 1);
    const from = t.api.callsTo('chat.postMessage').length;
    for (let i = 1; i <= BURST; i += 1) expect((await t.sendEvent(mention(i))).status).toBe(200);

    const attempts = (await waitForDelivered(t, from, BURST)).slice(from);
    const delivered = attempts.filter((c) => !c.rateLimited);
    const threads = delivered.map((c) => Number(String(c.args.thread_ts).split('.')[1]));
    expect(threads).toEqual(Array.from({ length: BURST }, (_, i) => i + 1));

    const refusals = t.api.refusals.filter((r) => r.channel === 'C0BURST01');
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expect(refusals.filter((r) => r.early)).toEqual([]);
    // Calls start a pace apart; only the first one's way to the wire can make the whole look shorter.
    const span = (attempts.at(-1)?.at ?? 0) - (attempts[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(
      (attempts.length - 1 - refusals.length) * PACE_MS + refusals.length * 1000 - 30,
    );
    // Each refusal's Retry-After (1 s) passed before the next post into the channel.
    for (const refusal of refusals) {
      const next = attempts.find((c) => c.at > refusal.at);
      expect((next?.at ?? Infinity) - refusal.at).toBeGreaterThanOrEqual(1000);
    }
  }, 40_000);
});

async function waitForDelivered(test: TestSlack, from: number, count: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const calls = test.api.callsTo('chat.postMessage');
    if (calls.length - from - test.api.refusals.length >= count) return calls;
    if (Date.now() > deadline) throw new Error(`only ${calls.length - from} posts arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
