import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { MAX_SUMMARY_CHARS, stepOutputs } from '../../src/slack/listeners/functions/footer-check-step.js';
import { en } from '../../src/slack/messages/en.js';
import { zhCN } from '../../src/slack/messages/zh-cn.js';
import { createTestCore, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>示例</title></head>
<body><main>欢迎</main><footer>© 2026 示例科技有限公司
<a href="https://beian.miit.gov.cn/" target="_blank">京ICP备05004398号-1</a></footer></body></html>`;

let pages: Server;
let pageUrl: string;

beforeAll(async () => {
  pages = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

let execution = 0;

/** A function_executed event for the footer_check step, as Slack sends it when a workflow reaches the step. */
function functionExecuted(inputs: Record<string, unknown>) {
  execution += 1;
  return {
    type: 'function_executed',
    function: {
      id: 'Fn0TEST01',
      callback_id: 'footer_check',
      title: "Check a site's footer",
      type: 'app',
      app_id: 'A0TEST01',
      date_created: 1_700_000_000,
      date_updated: 1_700_000_000,
    },
    inputs,
    function_execution_id: `Fx0TEST${execution}`,
    workflow_execution_id: `Wx0TEST${execution}`,
    event_ts: '1700000000.000100',
    bot_access_token: 'xwfp-test-function-token',
  };
}

describe('the footer_check Workflow Builder step (HTTP mode, signed function_executed events)', () => {
  let t: TestSlack;
  beforeAll(async () => {
    t = await startTestSlack({ env: { BEIAN_ALLOW_PRIVATE_NETWORK: 'true' } });
  });
  afterAll(() => t.stop());

  it('acknowledges the event and completes with the verdict, the ICP number and a summary', async () => {
    const res = await t.sendEvent(functionExecuted({ target: pageUrl, requested_by: 'U0PERSON1' }));
    expect(res.status).toBe(200);
    const [call] = await t.api.waitFor('functions.completeSuccess', 1, 15_000);
    expect(call?.args.function_execution_id).toBe(`Fx0TEST${execution}`);
    const outputs = JSON.parse(String(call?.args.outputs)) as Record<string, string>;
    // The page shows no public security number: a warning, which the summary names.
    expect(outputs).toMatchObject({ verdict: 'warn', icp_number: '京ICP备05004398号-1' });
    expect(outputs.summary).toContain(`${pageUrl}: ${en.verdictWarn}`);
    expect(outputs.summary).toContain('京ICP备05004398号-1');
    // The step answers with the workflow's own token, not the bot token.
    expect(call?.headers.authorization).toBe('Bearer xwfp-test-function-token');
    expect(t.api.callsTo('functions.completeError')).toHaveLength(0);
  });

  it('fails the step with the expected-number finding when the page shows another number', async () => {
    const before = t.api.callsTo('functions.completeSuccess').length;
    await t.sendEvent(functionExecuted({ target: pageUrl, expected_number: '沪ICP备12345678号-2' }));
    const calls = await t.api.waitFor('functions.completeSuccess', before + 1, 15_000);
    const outputs = JSON.parse(String(calls.at(-1)?.args.outputs)) as Record<string, string>;
    expect(outputs.verdict).toBe('fail');
    expect(outputs.summary).toContain('沪ICP备12345678号-2');
  });

  it('fails the step with a sentence when no target is given, in the default language without a requester', async () => {
    await t.sendEvent(functionExecuted({ target: '   ' }));
    const [call] = await t.api.waitFor('functions.completeError', 1);
    expect(call?.args.error).toBe(zhCN.stepNoTarget);
  });
});

describe('the footer_check step when the check itself throws', () => {
  let t: TestSlack;
  beforeAll(async () => {
    const core = await createTestCore(async () => {
      throw new Error('boom');
    });
    t = await startTestSlack({ core, logLevel: 'error' });
  });
  afterAll(() => t.stop());

  it('fails the step with the could-not-check sentence and logs the detail', async () => {
    await t.sendEvent(functionExecuted({ target: 'example.cn', requested_by: 'U0PERSON1' }));
    const [call] = await t.api.waitFor('functions.completeError', 1);
    expect(call?.args.error).toBe(en.checkFailed);
    expect(t.logs.join('\n')).toContain('boom');
    expect(t.api.callsTo('functions.completeSuccess')).toHaveLength(0);
  });
});

describe('stepOutputs', () => {
  const base: FooterReport = {
    target: 'example.cn',
    url: 'https://example.cn/',
    finalUrl: 'https://example.cn/',
    verdict: 'fail',
    icp: null,
    publicSecurity: null,
    findings: [],
    redirects: [],
    otherNumbers: [],
    rendered: false,
  };

  it('leaves info findings out and keeps errors and warnings', () => {
    const outputs = stepOutputs(
      {
        ...base,
        findings: [
          { rule: 'page', severity: 'info', message: 'redirected' },
          { rule: 'icp-number', severity: 'error', message: 'no ICP number' },
          { rule: 'psb-number', severity: 'warning', message: 'no public security number' },
        ],
      },
      en,
    );
    expect(outputs).toEqual({
      verdict: 'fail',
      icp_number: '',
      summary: `example.cn: ${en.verdictFail}\n❌ no ICP number\n⚠️ no public security number`,
    });
  });

  it('caps the summary', () => {
    const findings = Array.from({ length: 200 }, (_, i) => ({
      rule: 'page' as const,
      severity: 'error' as const,
      message: `problem ${i} with a long explanation`,
    }));
    const { summary } = stepOutputs({ ...base, findings }, en);
    expect(summary.length).toBe(MAX_SUMMARY_CHARS);
    expect(summary.endsWith('…')).toBe(true);
  });
});
