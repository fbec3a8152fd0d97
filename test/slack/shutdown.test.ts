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
  it('while draining, answers /healthz with 503 and new requests with 503; finishes in-flight replies; then closes', async () => {
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
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: 'ok' });
    const late = await t.sendCommand('/footer-check', 'late.example', 'late');
    expect(late.status).toBe(503);
    release();
    await stopping;
    expect(t.api.callsTo('respond:slow')).toHaveLength(1);
    expect(t.api.callsTo('respond:late')).toHaveLength(0);
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });
});
