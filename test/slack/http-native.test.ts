import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { decodeShare, decodeToggle, encodeToggle } from '../../src/slack/blocks/action-values.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import type { ApiCall } from './helpers/fake-slack-api.js';
import { buttonClickBody, feedbackButtonsClickBody, messageShortcutBody } from './helpers/signed-requests.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

// Who speaks what, as users.info reports it: U0ZH… Chinese, U0EX… from another organisation (no access), else English.
function usersInfo(args: Record<string, unknown>) {
  const user = String(args.user);
  if (user.startsWith('U0EX')) return { ok: false, error: 'user_not_found' };
  return { ok: true, user: { id: user, locale: user.startsWith('U0ZH') ? 'zh-CN' : 'en-US' } };
}

const checked: string[] = [];
const report = (target: string): FooterReport => ({
  target,
  url: target,
  finalUrl: target,
  verdict: 'pass',
  icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' },
  publicSecurity: null,
  findings: [{ rule: 'icp-number', severity: 'info', message: `ICP number found on ${target}` }],
  redirects: [],
  otherNumbers: [],
  rendered: false,
});

let t: TestSlack;
beforeAll(async () => {
  const core = await createTestCore(async (target) => {
    checked.push(target);
    return report(target);
  });
  t = await startTestSlack({ core, env: { BEIAN_ESCALATION: 'S0HELPERS' }, logLevel: 'error' });
  t.api.answer('users.info', usersInfo);
});
afterAll(() => t.stop());

let n = 0;
function mention(user: string, text: string) {
  n += 1;
  return { type: 'app_mention', user, text: `<@UBOT0001> ${text}`, ts: `1700000${n}.000100`, channel: 'C0CHAN001' };
}

async function nextPost(method = 'chat.postMessage', send: () => Promise<unknown>): Promise<ApiCall> {
  const from = t.api.callsTo(method).length;
  await send();
  const [call] = (await t.api.waitFor(method, from + 1)).slice(from);
  return call as ApiCall;
}

const json = (call: ApiCall | undefined) => JSON.stringify(call?.args.blocks ?? []);
const elements = (call: ApiCall | undefined) =>
  (
    (call?.args.blocks ?? []) as { elements?: { action_id?: string; value?: string; text?: { text: string } }[] }[]
  ).flatMap((b) => b.elements ?? []);

describe("the user's language", () => {
  it('a person whose Slack is in Chinese gets Chinese chrome and the Chinese section, even asking in English', async () => {
    const post = await nextPost('chat.postMessage', () =>
      t.sendEvent(mention('U0ZH00001', 'does the beian number expire?')),
    );
    expect(post.args.text).toBe('备案号的有效期是多久？');
    expect(json(post)).toContain('来源：');
    expect(json(post)).not.toContain('Source:');
    expect(json(post)).not.toContain('**English');
    const info = t.api.callsTo('users.info').find((c) => c.args.user === 'U0ZH00001');
    expect(info?.args.include_locale).toBe('true');
  });

  it('an English-speaking person gets the English section and English chrome, even asking in Chinese', async () => {
    const post = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0EN00001', '备案号会过期吗')));
    expect(post.args.text).toBe('How long is an ICP filing number valid?');
    expect(json(post)).toContain('Source:');
    expect(json(post)).not.toContain('来源：');
  });

  it('looks a person up once while the cache holds, not on every question', async () => {
    await nextPost('chat.postMessage', () => t.sendEvent(mention('U0EN00002', 'does the beian number expire?')));
    await nextPost('chat.postMessage', () => t.sendEvent(mention('U0EN00002', 'where is the public security filing?')));
    expect(t.api.callsTo('users.info').filter((c) => c.args.user === 'U0EN00002')).toHaveLength(1);
  });

  it('a person users.info cannot see (Slack Connect) gets the language of the question, looked up only once', async () => {
    const zh = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0EX00001', '备案号会过期吗')));
    expect(json(zh)).toContain('来源：');
    const plain = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0EX00001', 'pizza recipe')));
    expect(plain.args.text).toBe(en.noAnswer);
    expect(t.api.callsTo('users.info').filter((c) => c.args.user === 'U0EX00001')).toHaveLength(1);
  });

  it('says "no answer", help and errors in the person\'s language', async () => {
    const none = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0ZH00002', 'pizza recipe')));
    expect(none.args.text).toBe(zhCN.noAnswer);
    expect(json(none)).toContain('<!subteam^S0HELPERS>');
    const help = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0ZH00002', '')));
    expect(help.args.text).toBe(zhCN.helpText);
  });

  it('the 中文 / English toggle on a posted answer updates that message in place with the other section', async () => {
    const post = await nextPost('chat.postMessage', () => t.sendEvent(mention('U0ZH00003', '备案号会过期吗')));
    const toggle = elements(post).find((e) => e.action_id === ACTION.language);
    expect(toggle?.text?.text).toBe('中文 / English');
    expect(decodeToggle(toggle?.value)).toMatchObject({ lang: 'en', variant: 'reply' });
    const update = await nextPost('chat.update', () =>
      t.sendForm(
        buttonClickBody(ACTION.language, toggle?.value ?? '', t.api.responseUrl('tg1'), {
          ts: '1700000500.000100',
          user: 'U0ZH00003',
        }),
      ),
    );
    expect(update.args).toMatchObject({ channel: 'C0CHAN001', ts: '1700000500.000100' });
    expect(update.args.text).toBe('How long is an ICP filing number valid?');
    const back = elements(update).find((e) => e.action_id === ACTION.language);
    expect(decodeToggle(back?.value)).toMatchObject({ lang: 'zh-CN' });
  });

  it('the toggle on an ephemeral answer replaces it through the response URL', async () => {
    const value = encodeToggle({ entryId: 'validity-period', variant: 'ephemeral', lang: 'zh-CN' });
    const reply = await nextPost('respond:tg2', () =>
      t.sendForm(buttonClickBody(ACTION.language, value, t.api.responseUrl('tg2'), { ephemeral: true })),
    );
    expect(reply.args).toMatchObject({ replace_original: true, text: '备案号的有效期是多久？' });
    expect(elements(reply).map((e) => e.action_id)).toContain(ACTION.share);
  });

  it("/faq answers privately in the asker's language", async () => {
    const reply = await nextPost('respond:faqzh', () =>
      t.sendCommand('/faq', 'does the beian number expire?', 'faqzh'),
    );
    // The slash command's user is U0PERSON1, whose Slack is in English.
    expect(json(reply)).toContain(en.shareInChannel);
  });
});

describe('native feedback', () => {
  it("a feedback_buttons click is stored as the same feedback record and thanked in the clicker's language", async () => {
    const thanks = await nextPost('respond:fb1', () =>
      t.sendForm(feedbackButtonsClickBody('not-helpful:validity-period', t.api.responseUrl('fb1'), 'U0ZH00004')),
    );
    expect(thanks.args.text).toBe(zhCN.thanksNotHelpful);
    await t.store.flush();
    const records = await t.store.records();
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: 'feedback',
        user: 'U0ZH00004',
        entryId: 'validity-period',
        value: 'not-helpful',
      }),
    );
  });

  it('when chat.postMessage rejects the blocks (invalid_blocks), the answer is posted again with the hand-built buttons', async () => {
    t.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'invalid_blocks' } });
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(mention('U0EN00003', 'does the beian number expire?'));
    const [rejected, fallback] = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from);
    expect(json(rejected)).toContain('"type":"context_actions"');
    expect(json(fallback)).not.toContain('context_actions');
    expect(json(fallback)).toContain(ACTION.helpful);
    expect(json(fallback)).toContain(ACTION.notHelpful);
    expect(fallback?.args.metadata).toEqual(rejected?.args.metadata);
    await sleep(100);
    expect(t.api.callsTo('chat.postMessage')).toHaveLength(from + 2);
  });

  it('when a response URL rejects the blocks, the private answer is sent again with the hand-built buttons', async () => {
    t.api.failNext('respond:fbf', { status: 200, body: { ok: false, error: 'invalid_blocks' } });
    await t.sendCommand('/faq', 'does the beian number expire?', 'fbf');
    const [rejected, fallback] = await t.api.waitFor('respond:fbf', 2);
    expect(json(rejected)).toContain('feedback_buttons');
    expect(json(fallback)).not.toContain('feedback_buttons');
    expect(json(fallback)).toContain(ACTION.helpful);
  });

  it('another error is not mistaken for invalid_blocks: no second post with the fallback', async () => {
    t.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_too_long' } });
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent(mention('U0EN00004', 'does the beian number expire?'));
    // The failed answer, then the apology; never the fallback blocks.
    const calls = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from);
    expect(calls[1]?.args.text).toBe(en.sorry);
    expect(json(calls[1])).not.toContain(ACTION.helpful);
  });
});

describe('message shortcut "Ask beian about this"', () => {
  const question = { text: '备案号会过期吗', ts: '1700000600.000100', thread_ts: '1700000599.000100' };

  it('answers privately to the person who used it, with Share in thread; sharing posts into that thread', async () => {
    const res = await t.sendForm(messageShortcutBody('ask_beian', question, t.api.responseUrl('sc1')));
    expect(res.status).toBe(200);
    const [reply] = await t.api.waitFor('respond:sc1');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(reply?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
    const share = elements(reply).find((e) => e.action_id === ACTION.share);
    expect(share?.text?.text).toBe(en.shareInThread);
    expect(decodeShare(share?.value)).toMatchObject({
      entryId: 'validity-period',
      shareTo: { channel: 'C0CHAN001', threadTs: '1700000599.000100' },
    });
    const post = await nextPost('chat.postMessage', () =>
      t.sendForm(buttonClickBody(ACTION.share, share?.value ?? '', t.api.responseUrl('sc1share'), { ephemeral: true })),
    );
    expect(post.args).toMatchObject({ channel: 'C0CHAN001', thread_ts: '1700000599.000100' });
    expect(json(post)).toContain('Shared by <@U0PERSON1>');
    const [removed] = await t.api.waitFor('respond:sc1share');
    expect(removed?.args.delete_original).toBe(true);
  });

  it('sends the answer as a DM when the ephemeral message is refused', async () => {
    t.api.failNext('respond:sc2', { status: 404, body: { ok: false, error: 'expired_url' } });
    const dm = await nextPost('chat.postMessage', () =>
      t.sendForm(messageShortcutBody('ask_beian', question, t.api.responseUrl('sc2'), { user: 'U0DM00001' })),
    );
    expect(dm.args.channel).toBe('U0DM00001');
    expect(dm.args.thread_ts).toBeUndefined();
    expect(elements(dm).find((e) => e.action_id === ACTION.share)?.text?.text).toBe(en.shareInThread);
  });

  it('says so when the message has no text to ask about', async () => {
    await t.sendForm(messageShortcutBody('ask_beian', { text: '<@U0ASKER01>', ts: '1.1' }, t.api.responseUrl('sc3')));
    const [reply] = await t.api.waitFor('respond:sc3');
    expect(reply?.args.text).toBe(en.shortcutNoQuestion);
  });
});

describe('message shortcut "Check footers of links"', () => {
  it("checks each linked site once and replies in the message's thread", async () => {
    checked.length = 0;
    const message = {
      text: 'our sites: <https://a.example/|a.example>, <https://b.example/> and again <https://a.example/|a>',
      ts: '1700000700.000100',
    };
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendForm(messageShortcutBody('check_footers', message, t.api.responseUrl('cf1'), { user: 'U0ZH00005' }));
    const [checking, reported] = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from);
    expect(checking?.args).toMatchObject({ channel: 'C0CHAN001', thread_ts: '1700000700.000100' });
    expect(checking?.args.text).toBe(zhCN.checking('https://a.example/, https://b.example/'));
    expect(reported?.args.thread_ts).toBe('1700000700.000100');
    expect(json(reported)).toContain('ICP number found on https://a.example/');
    expect(json(reported)).toContain(zhCN.verdictPass);
    expect(checked.sort()).toEqual(['https://a.example/', 'https://b.example/']);
  });

  it('says so privately when the message links no site', async () => {
    await t.sendForm(
      messageShortcutBody('check_footers', { text: 'no links here', ts: '1.2' }, t.api.responseUrl('cf2')),
    );
    const [reply] = await t.api.waitFor('respond:cf2');
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', text: en.shortcutNoLinks });
  });

  it('asks to be invited when it may not post in the thread', async () => {
    checked.length = 0;
    t.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const message = { text: '<https://c.example/>', ts: '1700000800.000100' };
    await t.sendForm(messageShortcutBody('check_footers', message, t.api.responseUrl('cf3')));
    const [reply] = await t.api.waitFor('respond:cf3');
    expect(reply?.args.text).toBe(en.shortcutInviteMe);
    expect(checked).toEqual([]);
  });
});
