import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE } from '../../src/slack/blocks/capture-modal.js';
import { type SocketSlack, startSocketSlack } from './helpers/start-socket-slack.js';

// In Socket Mode the form's errors travel in the envelope's ack, not in an HTTP response: checked here.
let t: SocketSlack;

beforeAll(async () => {
  t = await startSocketSlack();
});

afterAll(() => t?.stop());

function submit(envelopeId: string, id: string): void {
  const b = CAPTURE.blocks;
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const values = {
    [b.title]: text('备案短信验证码收不到怎么办？'),
    [b.questions]: text(''),
    [b.answer]: text('等几分钟再试，或换一个手机号。'),
    [b.id]: text(id),
    [b.topic]: { value: { type: 'static_select', selected_option: { value: 'after-filing' } } },
    [b.tags]: text('验证码, sms code'),
    [b.sourceTitle]: text('Slack thread'),
    [b.sourceUrl]: text('https://test.slack.com/archives/C1/p1700000000000100'),
  };
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEST01', domain: 'test' },
    user: { id: 'U0EXPERT1', username: 'expert', team_id: 'T0TEST01' },
    api_app_id: 'A0TEST01',
    token: 'legacy',
    trigger_id: '9.9.9',
    view: {
      id: 'V0CAPTURE',
      type: 'modal',
      callback_id: CAPTURE.callbackId,
      private_metadata: JSON.stringify({ channel: 'C1', ts: '1700000000.000100' }),
      blocks: [],
      state: { values },
    },
  };
  t.connections
    .at(-1)
    ?.send(JSON.stringify({ envelope_id: envelopeId, type: 'interactive', payload, accepts_response_payload: true }));
}

describe('the capture form in Socket Mode', () => {
  it('returns lint’s problems in the ack, and saves a clean draft', async () => {
    submit('env-bad', 'Bad Id');
    const bad = await t.ackOf('env-bad');
    expect(bad.payload).toEqual({
      response_action: 'errors',
      errors: { [CAPTURE.blocks.id]: expect.stringMatching(/kebab-case/) },
    });
    expect(await t.store.drafts.list()).toEqual([]);

    submit('env-good', 'filing-sms-code');
    const good = await t.ackOf('env-good');
    expect(good.payload ?? {}).toEqual({});
    expect((await t.store.drafts.list()).map((d) => d.id)).toEqual(['filing-sms-code']);
    const [dm] = await t.api.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0EXPERT1');
  });
});
