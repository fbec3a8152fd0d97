import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { en } from '../../src/slack/messages/en.js';
import { RESPONSE_URL_MESSAGES } from '../../src/slack/response-batches.js';
import { createTestCore, sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const report = (target: string): FooterReport => ({
  target,
  url: `https://${target}/`,
  finalUrl: `https://${target}/`,
  verdict: 'pass',
  icp: { number: '京ICP备05004398号-1', kind: '备', province: '京', href: 'https://beian.miit.gov.cn/' },
  publicSecurity: null,
  findings: [{ rule: 'icp-number', severity: 'info', message: `ICP number found on ${target}` }],
  redirects: [],
  otherNumbers: [],
  rendered: false,
});

const textOf = (calls: { args: Record<string, unknown> }[]) =>
  calls.map((c) => JSON.stringify(c.args.blocks)).join('\n');

let t: TestSlack;
const gates = new Map<string, () => void>();
// A stand-in core: `boom.*` throws (as checkFooter did for a deep 403 page), `slow*` waits for its gate,
// `late<N>.*` answers after N × 40 ms, anything else at once.
beforeAll(async () => {
  const core = await createTestCore(async (target) => {
    if (target.startsWith('boom.')) throw new RangeError('Maximum call stack size exceeded');
    if (target.startsWith('slow')) await new Promise<void>((resolve) => gates.set(target, resolve));
    const late = /^late(\d+)\./.exec(target);
    if (late) await sleep(Number(late[1]) * 40);
    return report(target);
  });
  t = await startTestSlack({ core, logLevel: 'error' });
});
afterAll(() => t.stop());

async function settle(name: string, count: number): Promise<{ args: Record<string, unknown> }[]> {
  await t.api.waitFor(`respond:${name}`, count, 10_000);
  await sleep(300);
  return t.api.callsTo(`respond:${name}`);
}

describe('/footer-check with several targets', () => {
  it('a target whose check throws gets its own message; the other reports still arrive', async () => {
    await t.sendCommand('/footer-check', 'a.example boom.example b.example', 'one-throws');
    const text = textOf(await settle('one-throws', 1));
    expect(text).toContain('ICP number found on a.example');
    expect(text).toContain('ICP number found on b.example');
    expect(text).toContain('*boom.example* — *❔ Could not check*');
    expect(text).toContain(en.checkFailed);
    expect(text).not.toContain(en.sorry);
    expect(t.logs.join('')).toContain('checking boom.example failed: RangeError: Maximum call stack size exceeded');
  });

  it('posts a report as soon as it is ready, without waiting for a slow target', async () => {
    await t.sendCommand('/footer-check', 'quick.example slow1.example', 'stream');
    const [first] = await t.api.waitFor('respond:stream', 1, 10_000);
    expect(textOf([first as { args: Record<string, unknown> }])).toContain('quick.example');
    expect(textOf(t.api.callsTo('respond:stream'))).not.toContain('slow1.example');
    gates.get('slow1.example')?.();
    const calls = await t.api.waitFor('respond:stream', 2, 10_000);
    expect(textOf(calls.slice(1))).toContain('ICP number found on slow1.example');
  });

  it(`ten targets finishing one by one use at most ${RESPONSE_URL_MESSAGES} response-URL messages and lose none`, async () => {
    const targets = Array.from({ length: 10 }, (_, i) => `late${i}.example`);
    await t.sendCommand('/footer-check', targets.join(' '), 'ten');
    await t.api.waitFor('respond:ten', 1, 10_000);
    await sleep(1200);
    const calls = t.api.callsTo('respond:ten');
    expect(calls.length).toBeLessThanOrEqual(RESPONSE_URL_MESSAGES);
    expect(calls.length).toBeGreaterThan(1);
    for (const target of targets) expect(textOf(calls)).toContain(`ICP number found on ${target}`);
  });
});

describe('a response-URL post that is lost', () => {
  it.each([
    ['reset (ECONNRESET), as a dead kept-alive connection is', { status: 0, reset: true }],
    ['closed before an answer (socket hang up)', { status: 0 }],
    ['answered with a 503', { status: 503 }],
  ])('is retried when the connection is %s', async (_name, failure) => {
    const name = `lost-${failure.status}-${'reset' in failure ? 'reset' : 'close'}`;
    t.api.failNext(`respond:${name}`, failure);
    await t.sendCommand('/footer-check', 'retry.example', name);
    const calls = await t.api.waitFor(`respond:${name}`, 2, 10_000);
    expect(textOf(calls.slice(1))).toContain('ICP number found on retry.example');
  });

  it('is not retried when Slack refuses it with a 4xx; the report goes to the person as a DM instead', async () => {
    const from = t.api.callsTo('chat.postMessage').length;
    t.api.failNext('respond:gone', { status: 404, body: 'used_url' });
    await t.sendCommand('/footer-check', 'gone.example', 'gone');
    await t.api.waitFor('respond:gone', 1, 10_000);
    const [dm] = (await t.api.waitFor('chat.postMessage', from + 1, 10_000)).slice(from);
    await sleep(300);
    expect(t.api.callsTo('respond:gone')).toHaveLength(1);
    expect(dm?.args.channel).toBe('U0PERSON1');
    expect(JSON.stringify(dm?.args.blocks)).toContain('gone.example');
    expect(t.logs.join('')).not.toContain('the report for gone.example was lost');
  });
});
