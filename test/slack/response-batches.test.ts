import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../src/slack/blocks/message.js';
import { createResponseBatcher } from '../../src/slack/response-batches.js';

const message = (items: readonly string[]): SlackMessage => ({ text: items.join(','), blocks: [] });

function setUp(total: number, options: { perItem?: boolean; failFirst?: boolean; budget?: number } = {}) {
  const posts: string[] = [];
  const lost: string[] = [];
  let release: () => void = () => undefined;
  const batcher = createResponseBatcher<string>({
    total,
    budget: options.budget,
    build: (items) => (options.perItem ? items.map((i) => message([i])) : [message(items)]),
    post: async (messages) => {
      if (options.failFirst && posts.length === 0) {
        posts.push('(failed)');
        throw new Error('refused');
      }
      // Every post takes until the test releases it, so what finishes meanwhile piles up.
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      posts.push(...messages.map((m) => m.text));
    },
    lost: (items) => lost.push(...items),
  });
  return { posts, lost, batcher, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createResponseBatcher', () => {
  it('posts the first item at once and batches what finishes while a post is in flight, in input order', async () => {
    const { posts, batcher, release } = setUp(4);
    batcher.add(2, 'c');
    await tick();
    batcher.add(3, 'd');
    batcher.add(0, 'a');
    await tick();
    release();
    await tick();
    batcher.add(1, 'b');
    await tick();
    release();
    await tick();
    release();
    await batcher.done();
    expect(posts).toEqual(['c', 'a,d', 'b']);
  });

  it('keeps the last message of the budget for items still running', async () => {
    const { posts, batcher, release } = setUp(6, { budget: 3 });
    for (const [i, item] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) {
      batcher.add(i, item);
      await tick();
      release();
      await tick();
    }
    release();
    await batcher.done();
    expect(posts).toEqual(['a', 'b', 'c,d,e,f']);
  });

  it('counts messages, not posts, against the budget', async () => {
    const { posts, batcher, release } = setUp(4, { budget: 3, perItem: true });
    batcher.add(0, 'a');
    await tick();
    batcher.add(1, 'b');
    batcher.add(2, 'c');
    release();
    await tick();
    // b and c would be two messages, spending the last one d needs: held until d is ready.
    expect(posts).toEqual(['a']);
    batcher.add(3, 'd');
    await tick();
    release();
    await batcher.done();
    expect(posts).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports a lost post and still posts the next batches', async () => {
    const { posts, lost, batcher, release } = setUp(2, { failFirst: true });
    batcher.add(0, 'a');
    await tick();
    batcher.add(1, 'b');
    await tick();
    release();
    await batcher.done();
    expect(lost).toEqual(['a']);
    expect(posts).toEqual(['(failed)', 'b']);
  });
});
