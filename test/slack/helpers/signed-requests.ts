import { createHmac } from 'node:crypto';

/** Slack's v0 request signature headers for `body`. */
export function signBody(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** Posts a signed body to the app's events endpoint, as Slack does. */
export async function postSigned(
  appUrl: string,
  secret: string,
  body: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${appUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signBody(secret, body), ...extraHeaders },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

let counter = 0;

/** A unique event id. */
export function nextEventId(): string {
  counter += 1;
  return `Ev${Date.now().toString(36)}${counter}`.toUpperCase();
}

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = nextEventId()): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T0TEST01',
    api_app_id: 'A0TEST01',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST01', user_id: 'UBOT0001', is_bot: true }],
    event,
  };
}

/** A slash command's form body. */
export function commandBody(command: string, text: string, responseUrl: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0TEST01',
    team_domain: 'test',
    channel_id: 'C0CHAN001',
    channel_name: 'general',
    user_id: 'U0PERSON1',
    user_name: 'person',
    command,
    text,
    api_app_id: 'A0TEST01',
    response_url: responseUrl,
    trigger_id: '1.2.3',
    ...extra,
  }).toString();
}

/** A block_actions payload for clicking `actionId` with `value`. */
export function buttonClickBody(
  actionId: string,
  value: string,
  responseUrl: string,
  where: { channel?: string; ts?: string; threadTs?: string; ephemeral?: boolean; user?: string } = {},
): string {
  const channel = where.channel ?? 'C0CHAN001';
  const payload = {
    type: 'block_actions',
    team: { id: 'T0TEST01', domain: 'test' },
    user: { id: where.user ?? 'U0PERSON1', username: 'person', team_id: 'T0TEST01' },
    api_app_id: 'A0TEST01',
    token: 'legacy',
    trigger_id: '1.2.3',
    response_url: responseUrl,
    channel: { id: channel, name: 'general' },
    container: where.ephemeral
      ? { type: 'message', message_ts: where.ts ?? '1.1', channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: where.ts ?? '1.1', channel_id: channel, is_ephemeral: false },
    ...(where.ephemeral
      ? {}
      : {
          message: { type: 'message', ts: where.ts ?? '1.1', ...(where.threadTs ? { thread_ts: where.threadTs } : {}) },
        }),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        value,
        action_ts: '1.2',
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for one of Slack's native feedback buttons (a feedback_buttons element). */
export function feedbackButtonsClickBody(value: string, responseUrl: string, user = 'U0PERSON1'): string {
  const payload = JSON.parse(
    new URLSearchParams(buttonClickBody('unused', value, responseUrl, { ts: '1700000300.000100' })).get('payload') ??
      '{}',
  ) as Record<string, unknown>;
  payload.user = { id: user, username: 'person', team_id: 'T0TEST01' };
  payload.actions = [
    { type: 'feedback_buttons', action_id: 'answer_feedback', block_id: 'feedback:x', value, action_ts: '1.2' },
  ];
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A message shortcut's payload (message_action) for `callbackId` on `message`. */
export function messageShortcutBody(
  callbackId: string,
  message: { text: string; ts: string; thread_ts?: string },
  responseUrl: string,
  where: { user?: string; channel?: string } = {},
): string {
  return new URLSearchParams({
    payload: JSON.stringify(messageShortcutPayload(callbackId, message, responseUrl, where)),
  }).toString();
}

/** The message_action payload itself (Socket Mode sends it inside an envelope). */
export function messageShortcutPayload(
  callbackId: string,
  message: { text: string; ts: string; thread_ts?: string },
  responseUrl: string,
  where: { user?: string; channel?: string } = {},
): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: '1.2.3',
    message_ts: message.ts,
    response_url: responseUrl,
    message: { type: 'message', user: 'U0ASKER01', ...message },
    user: { id: where.user ?? 'U0PERSON1', name: 'person', team_id: 'T0TEST01' },
    channel: { id: where.channel ?? 'C0CHAN001', name: 'general' },
    team: { id: 'T0TEST01', domain: 'test' },
    token: 'legacy',
    action_ts: '1.2',
    api_app_id: 'A0TEST01',
  };
}
