import { describe, expect, it } from 'vitest';
import type { FooterReport } from '../../src/core/footer/types.js';
import { createTestCore, sleep, startTestSlack } from './helpers/start-test-slack.js';

const report = (target: string): FooterReport => ({
  target,
  url: null,
  finalUrl: null,
  verdict: 'fail',
  icp: null,
  publicSecurity: null,
  findings: [{ rule: 'icp-number', severity: 'error', message: 'No ICP number in the footer' }],
  redirects: [],
  otherNumbers: [],
  rendered: false,
});

describe('stopping', () => {
  it('finishes in-flight replies before it stops, and refuses new requests after', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const core = await createTestCore(async (target) => {
      await gate;
      return report(target);
    });
    const t = await startTestSlack({ core });
    const res = await t.sendCommand('/footer-check', 'slow.example', 'slow');
    expect(res.status).toBe(200);
    let stopped = false;
    const stopping = t.stop().then(() => {
      stopped = true;
    });
    await sleep(100);
    expect(stopped).toBe(false);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    release();
    await stopping;
    expect(t.api.callsTo('respond:slow')).toHaveLength(1);
  });
});
