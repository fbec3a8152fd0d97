import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import type { ApiCall } from './helpers/fake-slack-api.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

// U0ZH… read Chinese; everyone else English.
function usersInfo(args: Record<string, unknown>) {
  const user = String(args.user);
  return { ok: true, user: { id: user, locale: user.startsWith('U0ZH') ? 'zh-CN' : 'en-US' } };
}

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

// Each thread's first bot message, and the context kept in its metadata, as conversations.replies shows them.
const threadContexts = new Map<string, string>();
function replies(args: Record<string, unknown>) {
  const channel = threadContexts.get(String(args.ts));
  const first = { type: 'message', user: 'UBOT0001', ts: String(args.ts), text: 'Hi!' };
  return {
    ok: true,
    messages: channel
      ? [{ ...first, metadata: { event_type: 'assistant_thread_context', event_payload: { channel_id: channel } } }]
      : [first],
  };
}

const checked: string[] = [];
let t: TestSlack;
beforeAll(async () => {
  const core = await createTestCore(async (target) => {
    checked.push(target);
    return report(target);
  });
  t = await startTestSlack({ core, logLevel: 'error' });
  t.api.answer('users.info', usersInfo);
  t.api.answer('conversations.replies', replies);
  // People found the display topic's second entry the most useful of all.
  for (let i = 0; i < 3; i += 1) {
    await t.store.append({
      kind: 'feedback',
      at: new Date().toISOString(),
      user: 'U0OTHER01',
      channel: 'C0CHAN001',
      entryId: 'what-is-icp-number',
      value: 'helpful',
    });
  }
});
afterAll(() => t.stop());

let n = 0;
function threadStarted(user: string, context: Record<string, unknown> = { channel_id: 'C0CHAN001' }) {
  n += 1;
  const threadTs = `1700100${n}.000100`;
  return {
    threadTs,
    event: {
      type: 'assistant_thread_started',
      assistant_thread: { user_id: user, context, channel_id: 'D0ASSIST1', thread_ts: threadTs },
      event_ts: `1700100${n}.000200`,
    },
  };
}

function userMessage(user: string, text: string, threadTs: string) {
  n += 1;
  return {
    type: 'message',
    user,
    text,
    ts: `1700200${n}.000100`,
    thread_ts: threadTs,
    channel: 'D0ASSIST1',
    channel_type: 'im',
    event_ts: `1700200${n}.000100`,
  };
}

async function callsDuring(send: () => Promise<unknown>, until: string): Promise<ApiCall[]> {
  const from = t.api.calls.length;
  const before = t.api.callsTo(until).length;
  await send();
  await t.api.waitFor(until, before + 1);
  return t.api.calls.slice(from);
}

describe('assistant threads (Messages tab agent surface, HTTP mode)', () => {
  it('greets a new thread and suggests the most useful question of each topic, in the person’s language', async () => {
    const { event, threadTs } = threadStarted('U0PERSON1');
    const calls = await callsDuring(() => t.sendEvent(event), 'assistant.threads.setSuggestedPrompts');
    const greeting = calls.find((c) => c.method === 'chat.postMessage');
    expect(greeting?.args).toMatchObject({ channel: 'D0ASSIST1', thread_ts: threadTs, text: en.assistantGreeting });
    const prompts = calls.find((c) => c.method === 'assistant.threads.setSuggestedPrompts');
    expect(prompts?.args).toMatchObject({ channel_id: 'D0ASSIST1', thread_ts: threadTs, title: en.promptsTitle });
    const list = (prompts?.args.prompts ?? []) as { title: string; message: string }[];
    expect(list.length).toBeGreaterThan(1);
    expect(list.length).toBeLessThanOrEqual(4);
    // Feedback put the display topic first, with its most useful question rather than its first one.
    expect(list[0]).toEqual({
      title: 'Display',
      message: 'What is an ICP filing number, and how do I check whether a site has one?',
    });
    expect(new Set(list.map((p) => p.title)).size).toBe(list.length);
  });

  it('suggests in Chinese to a person whose Slack is in Chinese', async () => {
    const { event } = threadStarted('U0ZHPERSON');
    const calls = await callsDuring(() => t.sendEvent(event), 'assistant.threads.setSuggestedPrompts');
    expect(calls.find((c) => c.method === 'chat.postMessage')?.args.text).toBe(zhCN.assistantGreeting);
    const prompts = calls.find((c) => c.method === 'assistant.threads.setSuggestedPrompts');
    expect((prompts?.args.prompts as { title: string }[] | undefined)?.[0]?.title).toBe('备案号展示');
  });

  it('sets the status while matching, then answers in the thread, once', async () => {
    const { threadTs } = threadStarted('U0PERSON1');
    const calls = await callsDuring(
      () => t.sendEvent(userMessage('U0PERSON1', 'does the beian number expire?', threadTs)),
      'chat.postMessage',
    );
    const status = calls.findIndex((c) => c.method === 'assistant.threads.setStatus');
    const answer = calls.findIndex((c) => c.method === 'chat.postMessage');
    expect(calls[status]?.args).toMatchObject({ channel_id: 'D0ASSIST1', thread_ts: threadTs, status: en.lookingUp });
    expect(status).toBeLessThan(answer);
    expect(calls[answer]?.args).toMatchObject({ channel: 'D0ASSIST1', thread_ts: threadTs });
    expect(calls[answer]?.args.metadata).toMatchObject({
      event_type: 'faq_answer',
      event_payload: { entry_id: 'validity-period' },
    });
    await sleep(150);
    // The message listener (DMs) did not answer it a second time.
    expect(t.api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === threadTs)).toHaveLength(1);
  });

  it('says 正在查找… to a Chinese reader', async () => {
    const { threadTs } = threadStarted('U0ZHPERSON');
    const calls = await callsDuring(
      () => t.sendEvent(userMessage('U0ZHPERSON', '备案号会过期吗', threadTs)),
      'chat.postMessage',
    );
    expect(calls.find((c) => c.method === 'assistant.threads.setStatus')?.args.status).toBe('正在查找…');
  });

  it('checks a site sent on its own, with the checking status, and reports in the thread', async () => {
    const { threadTs } = threadStarted('U0PERSON1');
    const calls = await callsDuring(
      () => t.sendEvent(userMessage('U0PERSON1', 'check <https://shop.example|shop.example>', threadTs)),
      'chat.postMessage',
    );
    expect(calls.find((c) => c.method === 'assistant.threads.setStatus')?.args.status).toBe(en.checkingSites);
    expect(checked).toContain('https://shop.example');
    const posted = calls.find((c) => c.method === 'chat.postMessage');
    expect(posted?.args.thread_ts).toBe(threadTs);
    expect(JSON.stringify(posted?.args.blocks)).toContain('京ICP备05004398号-1');
  });

  it('answers even when the status cannot be set', async () => {
    const { threadTs } = threadStarted('U0PERSON1');
    t.api.failNext('assistant.threads.setStatus', { status: 200, body: { ok: false, error: 'not_allowed' } });
    const calls = await callsDuring(
      () => t.sendEvent(userMessage('U0PERSON1', 'does the beian number expire?', threadTs)),
      'chat.postMessage',
    );
    expect(calls.find((c) => c.method === 'chat.postMessage')?.args.thread_ts).toBe(threadTs);
  });

  it('saves a changed context into the thread’s first bot message', async () => {
    const { threadTs } = threadStarted('U0PERSON1');
    const changed = {
      type: 'assistant_thread_context_changed',
      assistant_thread: {
        user_id: 'U0PERSON1',
        context: { channel_id: 'C0MOVED01', team_id: 'T0TEST01' },
        channel_id: 'D0ASSIST1',
        thread_ts: threadTs,
      },
      event_ts: '1700300000.000100',
    };
    const calls = await callsDuring(() => t.sendEvent(changed), 'chat.update');
    expect(calls.find((c) => c.method === 'chat.update')?.args).toMatchObject({
      channel: 'D0ASSIST1',
      ts: threadTs,
      metadata: { event_type: 'assistant_thread_context', event_payload: { channel_id: 'C0MOVED01' } },
    });
  });

  it('keeps each thread’s own context after a save: an unanswered question is recorded against the channel beside its thread', async () => {
    const a = threadStarted('U0PERSON1');
    const b = threadStarted('U0PERSON2');
    threadContexts.set(a.threadTs, 'C0AAAAAA1');
    threadContexts.set(b.threadTs, 'C0BBBBBB2');
    await callsDuring(
      () => t.sendEvent(userMessage('U0PERSON1', 'pizza recipe please', a.threadTs)),
      'chat.postMessage',
    );
    await callsDuring(
      () => t.sendEvent(userMessage('U0PERSON2', 'best pizza toppings', b.threadTs)),
      'chat.postMessage',
    );
    // The question is recorded after the answer is posted: wait for both records.
    const unanswered = async () => (await t.store.records()).filter((r) => r.kind === 'unanswered');
    await expect.poll(async () => (await unanswered()).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const records = await unanswered();
    expect(records.find((r) => r.user === 'U0PERSON1')?.channel).toBe('C0AAAAAA1');
    expect(records.find((r) => r.user === 'U0PERSON2')?.channel).toBe('C0BBBBBB2');
  });
});

describe('the Messages tab (HTTP mode)', () => {
  const opened = (user: string) => ({
    type: 'app_home_opened',
    user,
    channel: 'D0MSGTAB1',
    tab: 'messages',
    event_ts: '1700400000.000100',
  });

  it('welcomes a person whose conversation is still empty, with the most useful questions as buttons', async () => {
    t.api.answer('conversations.history', { ok: true, messages: [] });
    const calls = await callsDuring(() => t.sendEvent(opened('U0PERSON1')), 'chat.postMessage');
    const welcome = calls.find((c) => c.method === 'chat.postMessage');
    expect(welcome?.args).toMatchObject({ channel: 'D0MSGTAB1', text: en.messagesTabWelcome });
    const blocks = (welcome?.args.blocks ?? []) as { elements?: { value?: string }[] }[];
    const buttons = blocks.flatMap((b) => b.elements ?? []);
    expect(buttons[0]?.value).toBe('what-is-icp-number');
    expect(buttons.length).toBeLessThanOrEqual(4);
  });

  it('says nothing when the conversation already has messages', async () => {
    t.api.answer('conversations.history', { ok: true, messages: [{ type: 'message', ts: '1.1', text: 'hi' }] });
    const before = t.api.callsTo('chat.postMessage').length;
    const history = t.api.callsTo('conversations.history').length;
    await t.sendEvent(opened('U0PERSON1'));
    await t.api.waitFor('conversations.history', history + 1);
    await sleep(150);
    expect(t.api.callsTo('chat.postMessage')).toHaveLength(before);
  });
});
