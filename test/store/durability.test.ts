import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { createTestPlace, ENGINES, type TestPlace } from './helpers/databases.js';

const CHILD = fileURLToPath(new URL('./helpers/feedback-burst.ts', import.meta.url));
const KILL_AFTER_ACKS = 300;

/** Runs the burst child, SIGKILLs it once `KILL_AFTER_ACKS` writes were acknowledged; resolves with the acked ids. */
function burstAndKill(place: TestPlace): Promise<Set<number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, place.dataDir, place.databaseUrl ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Set<number>();
    let pending = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the burst never reached ${KILL_AFTER_ACKS} acks (${acked.size}); stderr: ${stderr}`));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const id = /^ack (\d+)$/.exec(line)?.[1];
        if (id !== undefined) acked.add(Number(id));
      }
      if (acked.size >= KILL_AFTER_ACKS && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the burst child ended by itself (${signal ?? _code}); stderr: ${stderr}`));
    });
  });
}

describe.each(ENGINES)('SIGKILL in the middle of a burst of feedback on %s', (engine) => {
  let place: TestPlace;
  beforeAll(async () => {
    place = await createTestPlace(engine);
  });
  afterAll(() => place?.dispose());

  it('loses no acknowledged record', { timeout: 90_000 }, async () => {
    const acked = await burstAndKill(place);
    const store = await createStore(place);
    try {
      const stored = new Set(
        (await store.records()).flatMap((r) =>
          r.kind === 'feedback' ? [Number(r.entryId.slice('burst-'.length))] : [],
        ),
      );
      const lost = [...acked].filter((id) => !stored.has(id));
      expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(lost).toEqual([]);
      // Writes in flight at the kill may or may not have landed; nothing beyond what was started can exist.
      expect(stored.size).toBeGreaterThanOrEqual(acked.size);
    } finally {
      await store.close();
    }
  });
});
