import { describe, expect, it } from 'vitest';
import { createJobHandler, QUEUE_USER } from '../../src/cli/run-worker.js';
import { hostOf } from '../../src/core/footer/fetch/target.js';
import type { JobAttempt } from '../../src/queue/job-queue.js';
import type { QueueResult, QueueStore } from '../../src/store/ports.js';
import { routes, startServer } from '../helpers/serve-pages.js';

/** A QueueStore in memory: the handler's logic apart from any database. */
function memoryQueueStore() {
  const saved: { result: QueueResult; user: string }[] = [];
  const leases: string[] = [];
  const store: QueueStore = {
    async saveResult(result, user) {
      saved.push({ result, user });
    },
    results: async () => [],
    async leaseHost(host) {
      leases.push(host);
      return 0;
    },
    releaseHost: async () => undefined,
  };
  return { store, saved, leases };
}

const job = (target: string, attempt: number, lastAttempt: boolean): JobAttempt => ({
  batch: 'b',
  index: 7,
  target,
  options: { allowPrivateNetwork: { target: false, allow: ['127.0.0.1'] }, timeoutMs: 5_000 },
  attempt,
  lastAttempt,
});

describe('the queued job handler', () => {
  it('asks for a retry after a refused connection, saving nothing, while attempts remain', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const { store, saved, leases } = memoryQueueStore();
    const handle = createJobHandler({ queue: store, hostIntervalMs: 0, deps: async () => ({}) });
    const outcome = await handle(job(closed.url, 1, false));
    expect(outcome.kind).toBe('retry');
    expect(saved).toEqual([]);
    expect(leases).toEqual([`127.0.0.1:${closed.port}`]);
  });

  it('on the last attempt keeps the result as dead (saying so) and still fails the job, for the dead-letter list', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const { store, saved } = memoryQueueStore();
    const handle = createJobHandler({ queue: store, hostIntervalMs: 0, deps: async () => ({}) });
    expect((await handle(job(closed.url, 3, true))).kind).toBe('retry');
    expect(saved.map((s) => [s.result.index, s.result.state, s.result.report.verdict, s.user])).toEqual([
      [7, 'dead', 'inconclusive', QUEUE_USER],
    ]);
    expect(saved[0]?.result.report.findings.at(-1)?.message).toContain('gave up after 3 attempt(s)');
  });

  it('is done with a verdict, a failing one included, on the first attempt', async () => {
    const server = await startServer(routes({ '/': { body: '<footer>no number here</footer>' } }));
    try {
      const { store, saved } = memoryQueueStore();
      const handle = createJobHandler({ queue: store, hostIntervalMs: 0, deps: async () => ({}) });
      expect(await handle(job(server.url, 1, false))).toEqual({ kind: 'done' });
      expect(saved.map((s) => [s.result.state, s.result.report.verdict])).toEqual([['done', 'fail']]);
    } finally {
      await server.close();
    }
  });
});

describe.each([
  ['example.com', 'example.com'],
  ['https://Example.COM/path', 'example.com'],
  ['http://127.0.0.1:8080/', '127.0.0.1:8080'],
  ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ['not a target', null],
])('hostOf(%s)', (target, host) => {
  it(`is ${host}`, () => {
    expect(hostOf(target)).toBe(host);
  });
});
