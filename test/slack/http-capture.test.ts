import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE } from '../../src/slack/blocks/capture-modal.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import type { ApiCall } from './helpers/fake-slack-api.js';
import { buttonClickBody, messageShortcutBody } from './helpers/signed-requests.js';
import { sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

// The conversation the stand-in Slack holds: a question and an expert's answer in its thread.
const QUESTION_TS = '1700000100.000100';
const ANSWER_TS = '1700000101.000100';
const ANSWER =
  '<@U0ASKER01> 在 *备案控制台* 点 _忘记密码_ 找回：\n• 填写主体证件号\n• 收短信验证码\n详见 <https://cloud.tencent.com/document/product/243|腾讯云文档>';
const MESSAGES: Record<string, { ts: string; text: string; thread_ts?: string }> = {
  [QUESTION_TS]: { ts: QUESTION_TS, thread_ts: QUESTION_TS, text: '大家好 <@UBOT0001> 请问备案密码忘了怎么办？谢谢' },
  [ANSWER_TS]: { ts: ANSWER_TS, thread_ts: QUESTION_TS, text: ANSWER },
  '1700000102.000100': { ts: '1700000102.000100', text: '' },
};

function replies(args: Record<string, unknown>) {
  if (args.channel === 'C0SECRET1') return { ok: false, error: 'not_in_channel' };
  const message = MESSAGES[String(args.ts)];
  return message ? { ok: true, messages: [message] } : { ok: false, error: 'thread_not_found' };
}

let t: TestSlack;

beforeAll(async () => {
  t = await startTestSlack();
  t.api.answer('conversations.replies', replies);
  t.api.answer('chat.getPermalink', (args: Record<string, unknown>) => ({
    ok: true,
    permalink: `https://test.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
  }));
  t.api.answer('chat.postEphemeral', (args: Record<string, unknown>) =>
    args.channel === 'C0SECRET1' ? { ok: false, error: 'not_in_channel' } : { ok: true, message_ts: '1.2' },
  );
});
afterAll(() => t.stop());

interface View {
  callback_id: string;
  private_metadata: string;
  blocks: {
    block_id?: string;
    element?: {
      type: string;
      initial_value?: string;
      options?: { value: string }[];
      initial_option?: { value: string };
    };
  }[];
}

async function nextCall(method: string, act: () => Promise<unknown>): Promise<ApiCall> {
  const before = t.api.callsTo(method).length;
  await act();
  const calls = await t.api.waitFor(method, before + 1);
  return calls[before] as ApiCall;
}

const field = (view: View, block: string) => view.blocks.find((b) => b.block_id === block)?.element;

function formValues(view: View, over: Record<string, string> = {}) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (!block.block_id || !block.element) continue;
    const given = over[block.block_id];
    values[block.block_id] =
      block.element.type === 'static_select'
        ? { value: { type: 'static_select', selected_option: { value: given ?? block.element.initial_option?.value } } }
        : { value: { type: 'plain_text_input', value: given ?? block.element.initial_value ?? null } };
  }
  return values;
}

function submitBody(view: View, values: Record<string, Record<string, unknown>>, user = 'U0EXPERT1'): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0TEST01', domain: 'test' },
    user: { id: user, username: 'expert', team_id: 'T0TEST01' },
    api_app_id: 'A0TEST01',
    token: 'legacy',
    trigger_id: '9.9.9',
    view: {
      id: 'V0CAPTURE',
      team_id: 'T0TEST01',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values },
      hash: 'h',
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

async function openFormFromShortcut(user = 'U0EXPERT1'): Promise<View> {
  const opened = await nextCall('views.open', () =>
    t.sendForm(
      messageShortcutBody(
        'save_faq_answer',
        { text: ANSWER, ts: ANSWER_TS, thread_ts: QUESTION_TS },
        t.api.responseUrl('save'),
        { user },
      ),
    ),
  );
  expect(opened.args.trigger_id).toBe('1.2.3');
  return opened.args.view as View;
}

const reaction = (channel: string, ts: string, name = 'book', user = 'U0EXPERT1') => ({
  type: 'reaction_added',
  user,
  reaction: name,
  item: { type: 'message', channel, ts },
  item_user: 'U0ASKER01',
  event_ts: `${Date.now() / 1000}`,
});

describe('Save as FAQ answer (message shortcut)', () => {
  it('opens the form prefilled: the thread’s question cleaned, the answer as markdown, id, topics, tags, permalink', async () => {
    const view = await openFormFromShortcut();
    const b = CAPTURE.blocks;
    expect(view.callback_id).toBe(CAPTURE.callbackId);
    expect(field(view, b.title)?.initial_value).toBe('请问备案密码忘了怎么办？');
    expect(field(view, b.answer)?.initial_value).toBe(
      '在 **备案控制台** 点 *忘记密码* 找回：\n\n- 填写主体证件号\n- 收短信验证码\n详见 [腾讯云文档](https://cloud.tencent.com/document/product/243)',
    );
    expect(field(view, b.id)?.initial_value).toMatch(/^filing-password/);
    expect(field(view, b.topic)?.options?.map((o) => o.value)).toContain('after-filing');
    expect(field(view, b.tags)?.initial_value).toContain('password');
    expect(field(view, b.sourceUrl)?.initial_value).toBe(
      `https://test.slack.com/archives/C0CHAN001/p${ANSWER_TS.replace('.', '')}`,
    );
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C0CHAN001', ts: ANSWER_TS });
  });

  it('says so privately when the message has no text to save', async () => {
    const before = t.api.callsTo('views.open').length;
    await t.sendForm(messageShortcutBody('save_faq_answer', { text: '', ts: '1.1' }, t.api.responseUrl('empty')));
    const [reply] = await t.api.waitFor('respond:empty');
    expect(reply?.args.text).toBe(en.captureNothing);
    expect(t.api.callsTo('views.open').length).toBe(before);
  });
});

describe('the capture form’s submission', () => {
  it('shows lint’s problems on their fields and saves nothing', async () => {
    const view = await openFormFromShortcut();
    const b = CAPTURE.blocks;
    const res = await t.sendForm(
      submitBody(view, formValues(view, { [b.id]: 'validity-period', [b.questions]: '备案号会过期吗', [b.tags]: ' ' })),
    );
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[b.id]).toMatch(/already used by validity\/validity-period\.md/);
    expect(body.errors[b.questions]).toMatch(/already listed in validity\/validity-period\.md/);
    expect(body.errors[b.tags]).toMatch(/at least one tag/);
    expect(await t.store.drafts.list()).toEqual([]);
  });

  it('saves a clean draft and tells its author by DM what happens next; the same id is refused after', async () => {
    const view = await openFormFromShortcut();
    const b = CAPTURE.blocks;
    const values = formValues(view, {
      [b.id]: 'filing-password-forgot',
      [b.topic]: 'after-filing',
      [b.questions]: 'forgot filing password\n\n',
    });
    const dm = await nextCall('chat.postMessage', async () => {
      const res = await t.sendForm(submitBody(view, values));
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
    });
    expect(dm.args.channel).toBe('U0EXPERT1');
    expect(dm.args.text).toBe(
      en.captureSaved('filing-password-forgot', 'knowledge/after-filing/filing-password-forgot.md'),
    );
    const [saved] = await t.store.drafts.list();
    expect(saved).toMatchObject({
      id: 'filing-password-forgot',
      title: '请问备案密码忘了怎么办？',
      questions: ['forgot filing password'],
      topic: 'after-filing',
      user: 'U0EXPERT1',
      channel: 'C0CHAN001',
      messageTs: ANSWER_TS,
      source: { title: en.captureDefaultSourceTitle },
    });

    const again = await t.sendForm(submitBody(view, values));
    expect(JSON.parse(again.text).errors[b.id]).toMatch(/saved draft/);
    const reopened = await openFormFromShortcut();
    expect(field(reopened, b.id)?.initial_value).not.toBe('filing-password-forgot');
  });
});

describe('simultaneous submissions of one id', () => {
  it('save exactly one draft; every other gets an error on the id field', async () => {
    const view = await openFormFromShortcut();
    const b = CAPTURE.blocks;
    const values = formValues(view, { [b.id]: 'filing-password-race', [b.topic]: 'after-filing' });
    const results = await Promise.all(Array.from({ length: 5 }, () => t.sendForm(submitBody(view, values))));
    expect(results.filter((r) => r.text === '')).toHaveLength(1);
    for (const r of results.filter((res) => res.text !== '')) {
      expect(Object.keys((JSON.parse(r.text) as { errors: object }).errors)).toEqual([b.id]);
    }
    expect((await t.store.drafts.list()).filter((d) => d.id === 'filing-password-race')).toHaveLength(1);
  });
});

describe('📖 reaction', () => {
  it('offers the person who added it the form, privately in the thread, with a button that opens it', async () => {
    const offer = await nextCall('chat.postEphemeral', () => t.sendEvent(reaction('C0CHAN001', ANSWER_TS)));
    expect(offer.args).toMatchObject({ channel: 'C0CHAN001', user: 'U0EXPERT1', thread_ts: QUESTION_TS });
    const blocks = offer.args.blocks as { elements?: { action_id: string; value: string }[] }[];
    const button = blocks.flatMap((bl) => bl.elements ?? []).find((e) => e.action_id === CAPTURE.openAction);
    expect(button).toBeDefined();
    const opened = await nextCall('views.open', () =>
      t.sendForm(
        buttonClickBody(CAPTURE.openAction, button?.value ?? '', t.api.responseUrl('open'), { ephemeral: true }),
      ),
    );
    const view = opened.args.view as View;
    expect(field(view, CAPTURE.blocks.title)?.initial_value).toBe('请问备案密码忘了怎么办？');
    expect(field(view, CAPTURE.blocks.answer)?.initial_value).toContain('**备案控制台**');
  });

  it('tells the person, by DM when the bot cannot post there, that it cannot read the message', async () => {
    const dm = await nextCall('chat.postMessage', () => t.sendEvent(reaction('C0SECRET1', '1700000200.000100')));
    expect(dm.args).toMatchObject({ channel: 'U0EXPERT1', text: en.captureCannotRead });
  });

  it('tells the person in their language, ephemerally, when the message has no text', async () => {
    t.api.answer('users.info', { ok: true, user: { id: 'U0ZH00001', locale: 'zh-CN' } });
    try {
      const offer = await nextCall('chat.postEphemeral', () =>
        t.sendEvent(reaction('C0CHAN001', '1700000102.000100', 'book', 'U0ZH00001')),
      );
      expect(offer.args.text).toBe(zhCN.captureNothing);
    } finally {
      t.api.answer('users.info', undefined);
    }
  });

  it('answers a button whose value is not a message’s place privately, opening nothing', async () => {
    const before = t.api.callsTo('views.open').length;
    await t.sendForm(
      buttonClickBody(CAPTURE.openAction, '{"channel":1}', t.api.responseUrl('forged'), { ephemeral: true }),
    );
    const [reply] = await t.api.waitFor('respond:forged');
    expect(reply?.args.text).toBe(en.captureNothing);
    expect(t.api.callsTo('views.open').length).toBe(before);
  });

  it('ignores other reactions', async () => {
    const before = t.api.calls.length;
    const res = await t.sendEvent(reaction('C0CHAN001', ANSWER_TS, 'thumbsup'));
    expect(res.status).toBe(200);
    await sleep(150);
    // Bolt's own token check (auth.test) aside, nothing is read or posted.
    expect(t.api.calls.slice(before).filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
