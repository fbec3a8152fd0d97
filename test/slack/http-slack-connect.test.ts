import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import type { ApiCall } from './helpers/fake-slack-api.js';
import { commandBody, messageShortcutBody } from './helpers/signed-requests.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

// A Slack Connect channel: people of another organisation (U0EXT…) are invisible to users.info.
const SHARED = 'C0SHARED01';
function usersInfo(args: Record<string, unknown>) {
  const user = String(args.user);
  if (user.startsWith('U0EXT')) return { ok: false, error: 'user_not_found' };
  return { ok: true, user: { id: user, locale: 'en-US' } };
}

const report = (target: string): FooterReport => ({
  target,
  url: target,
  finalUrl: target,
  verdict: 'pass',
  icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' },
  publicSecurity: null,
  findings: [],
  redirects: [],
  otherNumbers: [],
  rendered: false,
});

let t: TestSlack;
beforeAll(async () => {
  t = await startTestSlack({ core: await createTestCore(async (target) => report(target)), logLevel: 'error' });
  t.api.answer('users.info', usersInfo);
});
afterAll(() => t.stop());

function command(name: string, text: string, user: string, response: string) {
  return commandBody(name, text, t.api.responseUrl(response), {
    user_id: user,
    channel_id: SHARED,
    // Slack Connect: the person's own organisation's team, not ours.
    user_team: 'T0OTHERORG',
    is_enterprise_install: 'false',
  });
}

async function dmTo(user: string, from: number): Promise<ApiCall> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const dm = t.api
      .callsTo('chat.postMessage')
      .slice(from)
      .find((c) => c.args.channel === user);
    if (dm) return dm;
    await sleep(20);
  }
  throw new Error(`no DM to ${user}`);
}

describe('Slack Connect (HTTP mode)', () => {
  it('/faq from another organisation: chrome in the question’s language, and a DM when the ephemeral is undeliverable', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('respond:connect-faq', { status: 200, body: { ok: false, error: 'user_not_in_channel' } });
    await t.sendForm(command('/faq', '备案号会过期吗', 'U0EXT0001', 'connect-faq'));
    const dm = await dmTo('U0EXT0001', from);
    expect(JSON.stringify(dm.args.blocks)).toContain(zhCN.helpful.replace('👍 ', ''));
    expect(dm.args.metadata).toMatchObject({
      event_type: 'faq_answer',
      event_payload: { entry_id: 'validity-period' },
    });
    expect(t.api.callsTo('respond:connect-faq')).toHaveLength(1);
  });

  it('/faq whose response URL is gone (404) is answered as a DM, in English for an English question', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('respond:connect-404', { status: 404, body: { ok: false, error: 'channel_not_found' } });
    await t.sendForm(command('/faq', 'does the beian number expire?', 'U0EXT0002', 'connect-404'));
    const dm = await dmTo('U0EXT0002', from);
    expect(JSON.stringify(dm.args.blocks)).toContain(en.helpful.replace('👍 ', ''));
  });

  it('/footer-check reports go to a DM when the ephemeral cannot be delivered', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('respond:connect-check', { status: 200, body: { ok: false, error: 'user_not_in_channel' } });
    await t.sendForm(command('/footer-check', 'shop.example', 'U0EXT0003', 'connect-check'));
    const dm = await dmTo('U0EXT0003', from);
    expect(JSON.stringify(dm.args.blocks)).toContain('京ICP备05004398号-1');
  });

  it('the “Ask beian” shortcut on a shared-channel message answers by DM when Slack refuses the ephemeral', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('respond:connect-sc', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const message = { text: '备案号会过期吗', ts: '1700700000.000100' };
    await t.sendForm(
      messageShortcutBody('ask_beian', message, t.api.responseUrl('connect-sc'), {
        user: 'U0EXT0004',
        channel: SHARED,
      }),
    );
    const dm = await dmTo('U0EXT0004', from);
    expect(dm.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('a mention from another organisation is answered in its thread by ids, in the question’s language', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendEvent({
      type: 'app_mention',
      user: 'U0EXT0005',
      user_team: 'T0OTHERORG',
      source_team: 'T0OTHERORG',
      text: '<@UBOT0001> 备案号会过期吗',
      ts: '1700700001.000100',
      channel: SHARED,
    });
    const [reply] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(reply?.args).toMatchObject({ channel: SHARED, thread_ts: '1700700001.000100' });
    expect(JSON.stringify(reply?.args.blocks)).toContain(zhCN.helpful.replace('👍 ', ''));
    // Only ids went to Slack: no lookups by name, no conversation or team look-ups across the organisations.
    const methods = new Set(t.api.calls.map((c) => c.method));
    for (const method of ['users.lookupByEmail', 'conversations.info', 'team.info'])
      expect(methods.has(method)).toBe(false);
  });
});
