import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

let t: TestSlack;
const TRIAGE = 'C0TRIAGE1';

beforeAll(async () => {
  t = await startTestSlack({ env: { BEIAN_TRIAGE_CHANNELS: TRIAGE, BEIAN_TRIAGE_MIN_CONFIDENCE: '0.75' } });
});
afterAll(() => t.stop());

let seq = 0;
const message = (text: string, extra: Record<string, unknown> = {}) => {
  seq += 1;
  return {
    type: 'message',
    channel_type: 'channel',
    channel: TRIAGE,
    user: 'U0PERSON1',
    text,
    ts: `1700001000.${String(seq).padStart(6, '0')}`,
    ...extra,
  };
};

const postsSince = (from: number) => t.api.callsTo('chat.postMessage').slice(from);

describe('triage channels', () => {
  it('suggests an answer under a new question, marked as a suggestion, with Solved / Need a person', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const event = message('备案号会过期吗？');
    await t.sendEvent(event);
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.thread_ts).toBe(event.ts);
    const blocks = JSON.stringify(post?.args.blocks);
    expect(blocks).toContain('Suggested answer');
    expect(blocks).toContain(ACTION.solved);
    expect(blocks).toContain(ACTION.needPerson);
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('never posts a second unasked reply in the same thread, even for a new event id', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const event = message('does the beian number expire?');
    await t.sendEvent(event);
    await t.api.waitFor('chat.postMessage', from + 1);
    await t.sendEvent(event);
    await sleep(250);
    expect(postsSince(from)).toHaveLength(1);
  });

  it.each([
    ['a statement, not a question', message('我们今天上线了新网站')],
    ['a thread reply', message('备案号会过期吗？', { thread_ts: '1700000999.000001' })],
    ['a question the knowledge base cannot answer confidently', message('what is the weather in Paris?')],
    ['a message from a bot', message('备案号会过期吗？', { bot_id: 'B0OTHER01' })],
    ['an edit', message('备案号会过期吗？', { subtype: 'message_changed' })],
    [
      'a message that mentions the bot (the mention listener answers it)',
      message(`<@${FAKE_BOT.user_id}> 备案号会过期吗？`),
    ],
    ['a question in a channel that is not a triage channel', message('备案号会过期吗？', { channel: 'C0OTHER01' })],
  ])('leaves alone %s', async (_name, event) => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(event);
    await sleep(250);
    expect(postsSince(from).filter((c) => c.args.thread_ts === event.ts || c.args.channel === event.channel)).toEqual(
      [],
    );
  });
});
