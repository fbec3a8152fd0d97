import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { ACTION } from '../../src/slack/blocks/action-ids.js';
import { buttonClickBody } from './helpers/signed-requests.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

let t: TestSlack;

beforeAll(async () => {
  t = await startTestSlack({ env: { BEIAN_ESCALATION: 'U0EXPERT1' } });
});
afterAll(() => t.stop());

const blocksOf = (call: { args: Record<string, unknown> } | undefined) => JSON.stringify(call?.args.blocks ?? []);

describe('/faq', () => {
  it('acknowledges at once and answers only the asker, with a Share button', async () => {
    const res = await t.sendCommand('/faq', '备案号会过期吗', 'faq1');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const [reply] = await t.api.waitFor('respond:faq1');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(blocksOf(reply)).toContain(ACTION.share);
    expect(blocksOf(reply)).toContain('"value":"helpful:validity-period"');
    expect(reply?.args.metadata).toMatchObject({
      event_type: 'faq_answer',
      event_payload: { entry_id: 'validity-period' },
    });
  });

  it('with no question, says what the bot does and lists the topics', async () => {
    await t.sendCommand('/faq', '   ', 'faq-help');
    const [reply] = await t.api.waitFor('respond:faq-help');
    expect(reply?.args.response_type).toBe('ephemeral');
    for (const topic of ['validity', 'cancellation', 'display']) {
      expect(blocksOf(reply)).toContain(topic);
    }
    expect(blocksOf(reply)).toContain('/footer-check');
  });

  it('Share in channel posts the answer for everyone with metadata and removes the private copy', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    const res = await t.sendForm(
      buttonClickBody(ACTION.share, 'validity-period', t.api.responseUrl('share1'), { ephemeral: true }),
    );
    expect(res.status).toBe(200);
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.channel).toBe('C0CHAN001');
    expect(post?.args.metadata).toMatchObject({
      event_type: 'faq_answer',
      event_payload: { entry_id: 'validity-period' },
    });
    expect(blocksOf(post)).toContain('Shared by <@U0PERSON1>');
    const [removal] = await t.api.waitFor('respond:share1');
    expect(removal?.args.delete_original).toBe(true);
  });

  it('Share tells the person to invite the bot when it is not in the channel', async () => {
    t.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await t.sendForm(
      buttonClickBody(ACTION.share, 'validity-period', t.api.responseUrl('share2'), { ephemeral: true }),
    );
    const [reply] = await t.api.waitFor('respond:share2');
    expect(String(reply?.args.text)).toContain('invite me');
  });
});

describe('buttons', () => {
  it.each([
    [ACTION.helpful, 'helpful'],
    [ACTION.notHelpful, 'not-helpful'],
    [ACTION.solved, 'solved'],
  ])('%s is stored and thanked privately', async (actionId, value) => {
    const name = `fb-${value}`;
    await t.sendForm(buttonClickBody(actionId, 'why-cancelled', t.api.responseUrl(name), { ts: '1700000001.000100' }));
    const [reply] = await t.api.waitFor(`respond:${name}`);
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    await t.store.flush();
    const records = await t.store.records();
    expect(records).toContainEqual(
      expect.objectContaining({ kind: 'feedback', value, entryId: 'why-cancelled', user: 'U0PERSON1' }),
    );
  });

  it('Need a person calls the escalation target into the thread', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendForm(
      buttonClickBody(ACTION.needPerson, 'why-cancelled', t.api.responseUrl('np'), {
        ts: '1700000002.000200',
        threadTs: '1700000002.000100',
      }),
    );
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.thread_ts).toBe('1700000002.000100');
    expect(String(post?.args.text)).toContain('<@U0EXPERT1>');
    await t.store.flush();
    const records = await t.store.records();
    expect(records).toContainEqual(expect.objectContaining({ kind: 'feedback', value: 'need-person' }));
  });

  it('a suggestion posts the chosen entry in the thread with metadata', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_1`, 'public-security-filing', t.api.responseUrl('sg'), {
        ts: '1700000003.000200',
        threadTs: '1700000003.000100',
      }),
    );
    const [post] = (await t.api.waitFor('chat.postMessage', from + 1)).slice(from);
    expect(post?.args.thread_ts).toBe('1700000003.000100');
    expect(post?.args.metadata).toMatchObject({ event_payload: { entry_id: 'public-security-filing' } });
  });

  it('a suggestion under a private answer replaces it privately', async () => {
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_0`, 'why-cancelled', t.api.responseUrl('sg-eph'), { ephemeral: true }),
    );
    const [reply] = await t.api.waitFor('respond:sg-eph');
    expect(reply?.args).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(blocksOf(reply)).toContain('"value":"helpful:why-cancelled"');
  });

  it('a suggestion for an entry that no longer exists says so', async () => {
    await t.sendForm(buttonClickBody(`${ACTION.suggestion}_0`, 'gone-entry', t.api.responseUrl('sg-gone')));
    const [reply] = await t.api.waitFor('respond:sg-gone');
    expect(String(reply?.args.text)).toContain('no longer in the knowledge base');
  });
});

describe('Web API failures', () => {
  it('waits out a 429 with Retry-After, then posts', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_0`, 'validity-period', t.api.responseUrl('rl'), { ts: '1.5' }),
    );
    const calls = (await t.api.waitFor('chat.postMessage', from + 2, 8000)).slice(from);
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('retries after a dropped connection, then posts', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('chat.postMessage', { status: 0 });
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_0`, 'validity-period', t.api.responseUrl('net'), { ts: '1.7' }),
    );
    const calls = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from);
    expect(calls).toHaveLength(2);
    await sleep(100);
    expect(t.api.callsTo('respond:net')).toHaveLength(0);
  });

  it('retries a 500, then posts', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('chat.postMessage', { status: 500, body: 'boom' });
    await t.sendForm(
      buttonClickBody(`${ACTION.suggestion}_0`, 'validity-period', t.api.responseUrl('e500'), { ts: '1.6' }),
    );
    const calls = (await t.api.waitFor('chat.postMessage', from + 2)).slice(from);
    expect(calls.map((c) => c.args.channel)).toEqual(['C0CHAN001', 'C0CHAN001']);
    await sleep(100);
    expect(t.api.callsTo('respond:e500')).toHaveLength(0);
  });
});

describe('/footer-check', () => {
  let f: TestSlack;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const report = (target: string): FooterReport => ({
    target,
    url: `https://${target}/`,
    finalUrl: `https://${target}/`,
    verdict: 'pass',
    icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' },
    publicSecurity: null,
    findings: [{ rule: 'icp-number', severity: 'info', message: 'ICP number 京ICP备05004398号-1 in the footer' }],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  });

  beforeAll(async () => {
    const core = await createTestCore(async (target) => {
      await gate;
      return report(target);
    });
    f = await startTestSlack({ core });
  });
  afterAll(() => f.stop());

  it('acknowledges at once, then reports through the response URL', async () => {
    const res = await f.sendCommand('/footer-check', 'example.com <https://example.org|example.org>', 'fc1');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Checking example.com, https://example.org');
    expect(f.api.callsTo('respond:fc1')).toHaveLength(0);
    release();
    const [reply] = await f.api.waitFor('respond:fc1');
    const blocks = blocksOf(reply);
    expect(blocks).toContain('京ICP备05004398号-1');
    expect(blocks).toContain('https://beian.miit.gov.cn/');
    expect(blocks).toContain('✅');
    await f.store.flush();
    expect(await f.store.recentChecks('U0PERSON1')).toHaveLength(2);
  });

  it('explains what is missing when no target is given', async () => {
    const res = await f.sendCommand('/footer-check', '', 'fc-empty');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Tell me which site to check');
  });

  it('shows the person their recent checks in App Home', async () => {
    await f.sendEvent({ type: 'app_home_opened', user: 'U0PERSON1', channel: 'D0HOME001', tab: 'home' });
    const [publish] = await f.api.waitFor('views.publish');
    expect(publish?.args.user_id).toBe('U0PERSON1');
    const view = JSON.stringify(publish?.args.view);
    expect(view).toContain('example.com');
    expect(view).toContain('validity');
  });
});
