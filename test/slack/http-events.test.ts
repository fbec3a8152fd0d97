import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/slack/messages/en.js';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { eventEnvelope, nextEventId, postSigned } from './helpers/signed-requests.js';
import { createTestCore, SIGNING_SECRET, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

let t: TestSlack;

beforeAll(async () => {
  const core = await createTestCore();
  const throwing = {
    ...core,
    matcher: {
      match: (q: string) => {
        if (q.includes('explode')) throw new Error('matcher exploded on purpose');
        return core.matcher.match(q);
      },
    },
  };
  t = await startTestSlack({ core: throwing, env: { BEIAN_ESCALATION: 'S0HELPERS' } });
});
afterAll(() => t.stop());

const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U0PERSON1',
  text: `<@${FAKE_BOT.user_id}> ${text}`,
  ts: `${Date.now() / 1000}`,
  channel: 'C0CHAN001',
  ...extra,
});

const postsSince = (from: number) => t.api.callsTo('chat.postMessage').slice(from);

describe('HTTP endpoint', () => {
  it('refuses a request with a bad signature (401)', async () => {
    const body = JSON.stringify(eventEnvelope(mention('备案号会过期吗')));
    const before = t.api.callsTo('chat.postMessage').length;
    const res = await postSigned(t.url, 'wrong-secret-wrong-secret', body, 'application/json');
    expect(res.status).toBe(401);
    await sleep(100);
    expect(t.api.callsTo('chat.postMessage').length).toBe(before);
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'challenge-123' });
    const res = await postSigned(t.url, SIGNING_SECRET, body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-123');
  });

  it('answers GET /healthz with 200 once ready', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'ok' });
  });
});

describe('mentions', () => {
  it('answers in the thread of the mention, with faq_answer metadata', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const event = mention('备案号会过期吗');
    const res = await t.sendEvent(event);
    expect(res.status).toBe(200);
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.channel).toBe('C0CHAN001');
    expect(post?.args.thread_ts).toBe(event.ts);
    expect(post?.args.metadata).toEqual({
      event_type: 'faq_answer',
      event_payload: { entry_id: 'validity-period', confidence: expect.any(Number) },
    });
    expect(JSON.stringify(post?.args.blocks)).toContain('"type":"feedback_buttons","action_id":"answer_feedback"');
    expect(post?.headers.authorization).toBe('Bearer xoxb-test-0000-secret');
  });

  it('answers inside an existing thread when mentioned there', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(mention('does the beian number expire?', { thread_ts: '1700000000.000001' }));
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.thread_ts).toBe('1700000000.000001');
  });

  it('says plainly when nothing answers, names the escalation group, and carries no entry_id', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(mention('pizza recipe'));
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.metadata).toEqual({ event_type: 'faq_answer', event_payload: { confidence: 0 } });
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain("couldn't find an answer");
    expect(blocks).toContain('<!subteam^S0HELPERS>');
    // The stand-in records the post before answering it; the bot records the question after the answer.
    await expect
      .poll(() => t.store.records())
      .toContainEqual(expect.objectContaining({ kind: 'unanswered', question: 'pizza recipe' }));
  });

  it('answers a retried event (same event_id, x-slack-retry-num) only once', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const eventId = nextEventId();
    const event = mention('备案号会过期吗');
    const first = await t.sendEvent(event, { eventId });
    const retry1 = await t.sendEvent(event, {
      eventId,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    const retry2 = await t.sendEvent(event, { eventId, headers: { 'x-slack-retry-num': '2' } });
    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    await t.api.waitFor('chat.postMessage', from + 1);
    await sleep(200);
    expect(postsSince(from)).toHaveLength(1);
  });

  it('tells the person when the handler throws, and keeps serving', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const event = mention('please explode');
    await t.sendEvent(event);
    const [sorry] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(sorry?.args.text).toBe(en.sorry);
    expect(sorry?.args.thread_ts).toBe(event.ts);
    expect(t.logs.join('')).toContain('matcher exploded on purpose');
    await t.sendEvent(mention('备案号会过期吗'));
    const [next] = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from + 1);
    expect(next?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('survives a Web API that keeps failing: gives up within bounds, logs, and keeps serving', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    // 4 attempts (1 + 3 retries) for the answer, 4 more for the apology: all fail.
    t.api.failNext('chat.postMessage', ...Array.from({ length: 8 }, () => ({ status: 503, body: 'down' })));
    await t.sendEvent(mention('备案号会过期吗'));
    await t.api.waitFor('chat.postMessage', from + 8);
    await sleep(100);
    expect(t.logs.join('')).toContain('could not tell the person');
    await t.sendEvent(mention('备案号会过期吗'));
    const [next] = (await t.api.waitFor('chat.postMessage', from + 9)).slice(from + 8);
    expect(next?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('tells the /faq asker privately when the handler throws', async () => {
    await t.sendCommand('/faq', 'please explode', 'faq-boom');
    const [reply] = await t.api.waitFor('respond:faq-boom');
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', text: en.sorry });
  });

  it('never writes the bot token or signing secret to the log', () => {
    const log = t.logs.join('');
    expect(log).not.toContain('xoxb-test-0000-secret');
    expect(log).not.toContain(SIGNING_SECRET);
  });
});

describe('direct messages', () => {
  const dm = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    channel_type: 'im',
    channel: 'D0DIRECT1',
    user: 'U0PERSON1',
    text,
    ts: `${Date.now() / 1000}`,
    ...extra,
  });

  it('answers in the conversation, not in a thread', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(dm('备案号会过期吗'));
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.channel).toBe('D0DIRECT1');
    expect(post?.args.thread_ts).toBeUndefined();
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('answers in the thread when the person wrote in one', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(dm('备案为什么被注销了？', { thread_ts: '1700000000.000009' }));
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.thread_ts).toBe('1700000000.000009');
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'why-cancelled' } });
  });

  it.each([
    ['its own messages', { user: FAKE_BOT.user_id, bot_id: FAKE_BOT.bot_id }],
    ['other bots', { bot_id: 'B0OTHER01', user: 'U0OTHERBOT' }],
    ['bot_message subtypes', { subtype: 'bot_message', bot_id: 'B0OTHER01' }],
    ['edits', { subtype: 'message_changed', message: { text: '备案号会过期吗' } }],
    ['deletions', { subtype: 'message_deleted', deleted_ts: '1.2' }],
  ])('ignores %s', async (_name, extra) => {
    const from = t.api.callsTo('chat.postMessage').length;
    const res = await t.sendEvent(dm('备案号会过期吗', extra));
    expect(res.status).toBe(200);
    await sleep(250);
    expect(postsSince(from)).toHaveLength(0);
  });
});
