import { describe, expect, it } from 'vitest';
import { checkFooter } from '../../../src/core/footer/check-footer.js';
import { isNetworkFailure } from '../../../src/core/footer/network-failure.js';
import { routes, startServer } from '../../helpers/serve-pages.js';

describe.each([
  ['dns', true],
  ['unreachable', true],
  ['timeout', true],
  ['http-status', false],
  ['not-html', false],
  ['invalid-target', false],
  [undefined, false],
])('isNetworkFailure with failure %s', (failure, expected) => {
  it(`is ${expected}`, () => {
    expect(isNetworkFailure(failure === undefined ? {} : { failure })).toBe(expected);
  });
});

describe('the failure code on a report', () => {
  const allow = { allowPrivateNetwork: { target: false, allow: ['127.0.0.1'] }, timeoutMs: 5_000 };

  it('names a refused connection, which a queue retries', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    const report = await checkFooter(server.url, allow);
    expect(report.verdict).toBe('inconclusive');
    expect(report.failure).toBe('unreachable');
    expect(isNetworkFailure(report)).toBe(true);
  });

  it('is absent from a judged page and from an HTTP error (both are answers, not worth asking again)', async () => {
    const server = await startServer(routes({ '/': { body: '<footer>no number</footer>' } }));
    try {
      const judged = await checkFooter(server.url, allow);
      expect(judged.failure).toBeUndefined();
      const missing = await checkFooter(`${server.origin}/gone`, allow);
      expect(missing.verdict).toBe('inconclusive');
      expect(isNetworkFailure(missing)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
