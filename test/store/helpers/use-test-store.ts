import { afterAll, beforeAll } from 'vitest';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/ports.js';
import { createTestPlace, type ENGINES, type TestPlace } from './databases.js';

// Apart from databases.ts, which the benchmarks import outside vitest.
/**
 * A store on `engine` for the tests of one describe block: opened before them, closed (and its database or folder
 * removed) after them. `now` is the store's clock, for tests that move time.
 */
export function useTestStore(engine: (typeof ENGINES)[number], now?: () => number): { readonly store: Store } {
  let place: TestPlace | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    place = await createTestPlace(engine);
    store = await createStore(now ? { ...place, now } : place);
  });
  afterAll(async () => {
    await store?.close();
    await place?.dispose();
  });
  return {
    get store(): Store {
      if (!store) throw new Error('the test store is opened in beforeAll');
      return store;
    },
  };
}
