import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { FAKE_BOT } from './helpers/fake-slack-api.js';
import { commandBody, eventEnvelope, messageShortcutPayload } from './helpers/signed-requests.js';
import { type SocketSlack, startSocketSlack } from './helpers/start-socket-slack.js';

let t: SocketSlack;

function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  t = await startSocketSlack();
});

afterAll(() => t?.stop());

function sendMention(socket: WebSocket, envelopeId: string, text: string) {
  const payload = eventEnvelope({
    type: 'app_mention',
    user: 'U0PERSON1',
    text: `<@${FAKE_BOT.user_id}> ${text}`,
    ts: '1700002000.000100',
    channel: 'C0SOCKET1',
  });
  socket.send(
    JSON.stringify({
      envelope_id: envelopeId,
      type: 'events_api',
      payload,
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    }),
  );
}

describe('Socket Mode', () => {
  it('opens the connection through apps.connections.open with the app-level token', () => {
    const [open] = t.api.callsTo('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-socket-test');
    expect(t.connections).toHaveLength(1);
  });

  it('serves GET /healthz on PORT beside the socket', async () => {
    expect(t.port).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${t.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('acks an events_api envelope and answers through the Web API', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    sendMention(t.connections[0] as WebSocket, 'env-1', '备案号会过期吗');
    await t.ackOf('env-1');
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.channel).toBe('C0SOCKET1');
    expect(post?.args.thread_ts).toBe('1700002000.000100');
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'validity-period' } });
  });

  it('acks an interactive envelope for the "Ask beian about this" shortcut and answers through its response URL', async () => {
    const socket = t.connections.at(-1) as WebSocket;
    const payload = messageShortcutPayload(
      'ask_beian',
      { text: 'does the beian number expire?', ts: '1700002100.000100' },
      t.api.responseUrl('socket-shortcut'),
    );
    socket.send(
      JSON.stringify({ envelope_id: 'env-sc', type: 'interactive', payload, accepts_response_payload: false }),
    );
    await t.ackOf('env-sc');
    const [reply] = await t.api.waitFor('respond:socket-shortcut');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.args.blocks)).toContain('Share in thread');
  });

  it('acks assistant-thread envelopes: suggested prompts for a new thread, status then the answer in it', async () => {
    const socket = t.connections.at(-1) as WebSocket;
    const thread = { channel_id: 'D0SOCKET1', thread_ts: '1700002200.000100' };
    const send = (envelopeId: string, event: Record<string, unknown>) =>
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: 'events_api',
          payload: eventEnvelope(event),
          retry_attempt: 0,
        }),
      );
    send('env-as', {
      type: 'assistant_thread_started',
      assistant_thread: { user_id: 'U0PERSON1', context: {}, ...thread },
      event_ts: '1700002200.000200',
    });
    await t.ackOf('env-as');
    const [prompts] = await t.api.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts?.args).toMatchObject(thread);
    const from = t.api.callsTo('chat.postMessage').length;
    send('env-am', {
      type: 'message',
      user: 'U0PERSON1',
      text: 'does the beian number expire?',
      ts: '1700002201.000100',
      thread_ts: thread.thread_ts,
      channel: thread.channel_id,
      channel_type: 'im',
    });
    const [answer] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(answer?.args).toMatchObject({ channel: thread.channel_id, thread_ts: thread.thread_ts });
    expect(t.api.callsTo('assistant.threads.setStatus').at(-1)?.args.status).toBe('Looking it up…');
  });

  it('reconnects when the connection drops, and keeps answering', async () => {
    const opens = t.api.callsTo('apps.connections.open').length;
    t.connections[0]?.close(1001, 'going away');
    await waitUntil(() => t.connections.length === 2, 'a new connection', 10_000);
    expect(t.api.callsTo('apps.connections.open').length).toBeGreaterThan(opens);
    const from = t.api.callsTo('chat.postMessage').length;
    // The client counts as connected once it has had our hello; give it a moment to get there.
    await new Promise((resolve) => setTimeout(resolve, 200));
    sendMention(t.connections[1] as WebSocket, 'env-2', 'does the beian number expire?');
    await t.ackOf('env-2');
    await t.api.waitFor('chat.postMessage', from + 1);
  });
});

describe('Socket Mode: the Workflow Builder step and /footer-watch (issue 10)', () => {
  it('acks a function_executed envelope and fails the step with a sentence when no target is given', async () => {
    const socket = t.connections.at(-1) as WebSocket;
    const payload = eventEnvelope({
      type: 'function_executed',
      function: { id: 'Fn0SOCK01', callback_id: 'footer_check', title: "Check a site's footer" },
      inputs: { target: '' },
      function_execution_id: 'Fx0SOCK01',
      workflow_execution_id: 'Wx0SOCK01',
      event_ts: '1700002200.000100',
      bot_access_token: 'xwfp-socket-function',
    });
    socket.send(
      JSON.stringify({ envelope_id: 'env-fn', type: 'events_api', payload, accepts_response_payload: false }),
    );
    await t.ackOf('env-fn');
    const [failed] = await t.api.waitFor('functions.completeError');
    expect(failed?.args.function_execution_id).toBe('Fx0SOCK01');
    expect(failed?.headers.authorization).toBe('Bearer xwfp-socket-function');
  });

  it('acks a /footer-watch slash_commands envelope and answers through its response URL', async () => {
    const socket = t.connections.at(-1) as WebSocket;
    const payload = Object.fromEntries(
      new URLSearchParams(commandBody('/footer-watch', 'add example.cn', t.api.responseUrl('socket-watch'))),
    );
    socket.send(
      JSON.stringify({ envelope_id: 'env-cmd', type: 'slash_commands', payload, accepts_response_payload: true }),
    );
    await t.ackOf('env-cmd');
    const [reply] = await t.api.waitFor('respond:socket-watch');
    expect(String(reply?.args.text)).toContain('Watching example.cn');
    expect(await t.store.watches.get('example.cn')).toMatchObject({ owner: 'U0PERSON1' });
  });
});
