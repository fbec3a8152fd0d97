import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/ports.js';
import { createTestPlace, ENGINES, type TestPlace } from '../store/helpers/databases.js';
import { nextEventId } from './helpers/signed-requests.js';
import { sleep, startTestSlack, type TestSlack } from './helpers/start-test-slack.js';

describe.each(ENGINES)('event claims in the Slack app on %s', (engine) => {
  let place: TestPlace;
  let store: Store;
  let t: TestSlack;
  let failNext = 0;
  beforeAll(async () => {
    place = await createTestPlace(engine);
    store = await createStore(place);
    t = await startTestSlack({ store, logLevel: 'error' });
    // Stands in for a handler that fails before replying: runs after the claim, before the listeners.
    t.slack.app.use(async ({ next }) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('handler failed');
      }
      await next();
    });
  });
  afterAll(async () => {
    await t?.stop();
    await store?.close();
    await place?.dispose();
  });

  const mention = (ts: string) => ({
    type: 'app_mention',
    user: 'U0PERSON1',
    text: '<@UBOT0001> pizza recipe',
    ts,
    channel: 'C0CHAN001',
  });
  const repliesIn = (ts: string) => t.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts).length;

  it('releases the claim when the handler fails, so Slack’s retry is answered', async () => {
    const eventId = nextEventId();
    failNext = 1;
    await t.sendEvent(mention('1700003000.000001'), { eventId });
    await expect.poll(() => failNext).toBe(0);
    await sleep(200);
    expect(repliesIn('1700003000.000001')).toBe(0);
    await t.sendEvent(mention('1700003000.000001'), { eventId, headers: { 'x-slack-retry-num': '1' } });
    await expect.poll(() => repliesIn('1700003000.000001')).toBe(1);
  });

  it('keeps the claim when the handler succeeded, so the retry is ignored', async () => {
    const eventId = nextEventId();
    await t.sendEvent(mention('1700003000.000002'), { eventId });
    await expect.poll(() => repliesIn('1700003000.000002')).toBe(1);
    await t.sendEvent(mention('1700003000.000002'), { eventId, headers: { 'x-slack-retry-num': '1' } });
    await sleep(300);
    expect(repliesIn('1700003000.000002')).toBe(1);
  });
});
