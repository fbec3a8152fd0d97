import { afterEach, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../src/queue/job-queue.js';
import { createPgBossQueue } from '../../src/store/pg-boss-queue.js';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';

describe('the pg-boss job queue (PostgreSQL)', () => {
  let database: TestDatabase | undefined;
  const opened: JobQueue[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
    await database?.drop();
  });

  it('opens in several processes at once on a fresh database: replicas started together all start', async () => {
    const fresh = await createTestDatabase();
    database = fresh;
    // Separate queue objects are separate pools and sessions, as separate processes would be.
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createPgBossQueue({ databaseUrl: fresh.url, poolSize: 2 })),
    );
    for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    expect(await opened[0]?.counts()).toEqual({ queued: 0, retrying: 0, active: 0, done: 0, dead: 0 });
  }, 60_000);
});
