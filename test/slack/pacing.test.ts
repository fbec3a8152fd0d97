import { describe, expect, it } from 'vitest';
import { createPacer, retryAfterOf } from '../../src/slack/pacing.js';

/** A clock that moves only when the pacer sleeps, so the pace is exact and the test takes no time. */
function virtualClock() {
  const clock = { t: 0, slept: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
}

function rateLimited(retryAfter: number): Error {
  return Object.assign(new Error('ratelimited'), { code: 'slack_webapi_rate_limited_error', retryAfter });
}

describe('createPacer', () => {
  it('runs posts into one channel in order, one pace apart', async () => {
    const { clock, now, sleep } = virtualClock();
    const pacer = createPacer({ paceMs: { 'chat.postMessage': 1000 }, now, sleep });
    const started: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        pacer.run('chat.postMessage', 'C1', async () => {
          started.push([i, clock.t]);
        }),
      ),
    );
    expect(started).toEqual([
      [0, 0],
      [1, 1000],
      [2, 2000],
      [3, 3000],
      [4, 4000],
    ]);
  });

  it('waits out Retry-After on a 429 and retries the same call before the ones behind it', async () => {
    const { clock, now, sleep } = virtualClock();
    const pacer = createPacer({ paceMs: { 'chat.postMessage': 1000 }, now, sleep });
    const attempts: [string, number][] = [];
    let refused = false;
    const post = (name: string) =>
      pacer.run('chat.postMessage', 'C1', async () => {
        attempts.push([name, clock.t]);
        if (name === 'b' && !refused) {
          refused = true;
          throw rateLimited(3);
        }
        return name;
      });
    const results = await Promise.all([post('a'), post('b'), post('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(attempts).toEqual([
      ['a', 0],
      ['b', 1000],
      ['b', 4000],
      ['c', 5000],
    ]);
  });

  it('gives up after rateLimitRetries refusals and passes the error on; the lane keeps working', async () => {
    const { now, sleep } = virtualClock();
    const pacer = createPacer({ paceMs: { 'chat.postMessage': 10 }, now, sleep, rateLimitRetries: 2 });
    let calls = 0;
    await expect(
      pacer.run('chat.postMessage', 'C1', async () => {
        calls += 1;
        throw rateLimited(1);
      }),
    ).rejects.toThrow('ratelimited');
    expect(calls).toBe(3);
    await expect(pacer.run('chat.postMessage', 'C1', async () => 'next')).resolves.toBe('next');
  });

  it('does not retry other errors', async () => {
    const { now, sleep } = virtualClock();
    const pacer = createPacer({ paceMs: { 'chat.postMessage': 10 }, now, sleep });
    let calls = 0;
    const failing = pacer.run('chat.postMessage', 'C1', async () => {
      calls += 1;
      throw Object.assign(new Error('not_in_channel'), { data: { error: 'not_in_channel' } });
    });
    await expect(failing).rejects.toThrow('not_in_channel');
    expect(calls).toBe(1);
  });

  it('paces each channel and each method on its own; unpaced methods are not held back', async () => {
    const start = Date.now();
    const pacer = createPacer({ paceMs: { 'chat.postMessage': 60 } });
    const at: Record<string, number[]> = {};
    const call = (method: string, channel: string) =>
      pacer.run(method, channel, async () => {
        const key = `${method} ${channel}`;
        at[key] = [...(at[key] ?? []), Date.now() - start];
      });
    await Promise.all([
      call('chat.postMessage', 'C1'),
      call('chat.postMessage', 'C1'),
      call('chat.postMessage', 'C2'),
      call('chat.update', 'C1'),
      call('chat.update', 'C1'),
    ]);
    expect(at['chat.postMessage C1']?.[1]).toBeGreaterThanOrEqual(55);
    expect(at['chat.postMessage C2']?.[0]).toBeLessThan(40);
    expect(Math.max(...(at['chat.update C1'] ?? []))).toBeLessThan(40);
  });

  it('holds an unpaced method in a channel during its Retry-After', async () => {
    const { clock, now, sleep } = virtualClock();
    const pacer = createPacer({ paceMs: {}, now, sleep });
    let first = true;
    const attempts: number[] = [];
    await pacer.run('views.publish', undefined, async () => {
      attempts.push(clock.t);
      if (first) {
        first = false;
        throw rateLimited(2);
      }
    });
    expect(attempts).toEqual([0, 2000]);
  });
});

describe('retryAfterOf', () => {
  it.each([
    [rateLimited(7), 7],
    [new Error('ratelimited'), undefined],
    [{ code: 'slack_webapi_rate_limited_error' }, undefined],
    [null, undefined],
  ])('reads %s as %s', (error, expected) => {
    expect(retryAfterOf(error)).toBe(expected);
  });
});
