import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, postSigned, signBody } from './helpers/signed-requests.js';
import { SIGNING_SECRET, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let t: TestSlack;
beforeAll(async () => {
  t = await startTestSlack();
});
afterAll(() => t.stop());

/** A normal request after the hostile ones: it must still be answered. */
async function expectStillServing(name: string): Promise<void> {
  const res = await t.sendCommand('/faq', '备案号会过期吗', name);
  expect(res.status).toBe(200);
  await t.api.waitFor(`respond:${name}`);
  expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
}

describe('a signed body that is not a JSON object', () => {
  it.each([
    ['JSON null', 'null', JSON_TYPE, 'the body is null'],
    ['a JSON number', '42', JSON_TYPE, 'the body is a number'],
    ['a JSON string', '"ssl_check"', JSON_TYPE, 'the body is a string'],
    ['a JSON array', '[{"type":"url_verification"}]', JSON_TYPE, 'the body is an array'],
    ['unparsable JSON', '{"type":', JSON_TYPE, 'not valid JSON'],
    ['an empty JSON body', '', JSON_TYPE, 'not valid JSON'],
    ['form payload=null', 'payload=null', FORM, 'the body is null'],
    ['form payload=7', 'payload=7', FORM, 'the body is a number'],
    ['form payload=[]', 'payload=%5B%5D', FORM, 'the body is an array'],
    ['form payload unparsable', 'payload=%7B', FORM, 'not valid JSON'],
  ])('%s is a 400, logged with the reason, and the bot keeps serving', async (name, body, type, reason) => {
    const res = await postSigned(t.url, SIGNING_SECRET, body, type);
    expect(res.status).toBe(400);
    expect(t.logs.join('')).toContain(reason);
    await expectStillServing(`after-${name.replace(/\W+/g, '-')}`);
  });

  it("still answers Slack's unsigned ssl_check (and ignores what else it carries)", async () => {
    const body = `ssl_check=1&payload=${encodeURIComponent('null')}`;
    const res = await fetch(`${t.url}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(res.status).toBe(200);
  });

  it('an unsigned null is refused as unsigned (401), not read', async () => {
    const res = await fetch(`${t.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': JSON_TYPE },
      body: 'null',
    });
    expect(res.status).toBe(401);
    await expectStillServing('after-unsigned-null');
  });
});

describe('object bodies of an unexpected shape', () => {
  const bodies: [string, string][] = [
    [JSON.stringify({ type: 'event_callback', event: null, event_id: 'EvNULL1' }), JSON_TYPE],
    [JSON.stringify({ type: 'event_callback', team_id: 'T0TEST01' }), JSON_TYPE],
    [`payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: null }))}`, FORM],
    ['{}', JSON_TYPE],
    [new URLSearchParams({ command: '/footer-check', user_id: 'U1' }).toString(), FORM],
  ];

  it('do not take the bot down (a null event, null actions, an empty object, a command without text)', async () => {
    // Together: the ones no listener acknowledges each wait out Bolt's 3-second unhandled-request timer.
    const answers = await Promise.all(bodies.map(([body, type]) => postSigned(t.url, SIGNING_SECRET, body, type)));
    for (const res of answers) expect(res.status).toBeGreaterThanOrEqual(200);
    await expectStillServing('after-odd-shapes');
  });
});

describe('signed timestamps', () => {
  const send = (offsetS: number, name: string) => {
    const body = commandBody('/faq', '备案号会过期吗', t.api.responseUrl(name));
    const headers = signBody(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + offsetS);
    return postSigned(t.url, SIGNING_SECRET, body, FORM, headers);
  };

  it('refuses a correctly signed request stamped one hour in the future', async () => {
    const res = await send(3600, 'future-hour');
    expect(res.status).toBe(401);
    expect(t.logs.join('')).toMatch(/timestamp is 3\d{3} s in the future/);
    await expectStillServing('after-future');
    expect(t.api.callsTo('respond:future-hour')).toHaveLength(0);
  });

  it("refuses one stamped an hour in the past (Slack's own rule)", async () => {
    expect((await send(-3600, 'past-hour')).status).toBe(401);
  });

  it.each([
    ['four minutes ahead', 240],
    ['four minutes behind', -240],
  ])('accepts a clock %s', async (_name, offset) => {
    const name = `skew${offset}`;
    expect((await send(offset, name)).status).toBe(200);
    await t.api.waitFor(`respond:${name}`);
  });
});
