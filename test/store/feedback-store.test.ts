import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { readJsonl, STORE_FILE } from '../../src/store/feedback-store.js';
import { importJsonl } from '../../src/store/import-jsonl.js';
import type { StoreRecord } from '../../src/store/records.js';
import { createTestPlace, ENGINES, type TestPlace } from './helpers/databases.js';

const check = (user: string, target: string, at: string): StoreRecord => ({
  kind: 'footer-check',
  at,
  user,
  channel: 'C1',
  target,
  verdict: 'pass',
  icp: null,
});
const line = (record: StoreRecord) => `${JSON.stringify(record)}\n`;

describe('readJsonl', () => {
  let place: TestPlace;
  beforeEach(async () => {
    place = await createTestPlace('sqlite');
  });
  afterEach(() => place.dispose());

  it('reads every valid line and names the unreadable ones by line number', async () => {
    const file = join(place.dataDir, STORE_FILE);
    await writeFile(file, `{"kind":"nonsense"}\nnot json\n\n${line(check('U1', 'a.cn', 't'))}{"kind":"footer-ch`);
    const { lines, skipped } = await readJsonl(file);
    expect(lines.map((l) => [l.line, l.record.kind])).toEqual([[4, 'footer-check']]);
    expect(skipped).toEqual([1, 2, 5]);
  });

  it('reads a missing file as empty', async () => {
    expect(await readJsonl(join(place.dataDir, 'nope.jsonl'))).toEqual({ lines: [], skipped: [] });
  });
});

describe.each(ENGINES)('importJsonl into %s', (engine) => {
  let place: TestPlace;
  beforeEach(async () => {
    place = await createTestPlace(engine);
  });
  afterEach(() => place.dispose());

  it('imports every record once, keeps identical lines as separate records, and skips torn lines', async () => {
    const file = join(place.dataDir, STORE_FILE);
    const same = check('U1', 'twice.cn', '2026-01-01T00:00:00.000Z');
    await writeFile(file, line(same) + line(same) + line(check('U1', 'once.cn', '2026-01-02T00:00:00.000Z')));
    await appendFile(file, '{"kind":"feedback","at":"torn');
    const store = await createStore(place);
    try {
      expect(await importJsonl(store, file)).toEqual({ read: 3, inserted: 3, duplicates: 0, skippedLines: [4] });
      expect(await importJsonl(store, file)).toEqual({ read: 3, inserted: 0, duplicates: 3, skippedLines: [4] });
      expect((await store.records()).map((r) => (r as { target: string }).target)).toEqual([
        'twice.cn',
        'twice.cn',
        'once.cn',
      ]);
      // The file grew (the bot kept writing): only the new line is imported.
      await appendFile(file, `\n${line(same)}`);
      expect(await importJsonl(store, file)).toMatchObject({ read: 4, inserted: 1, duplicates: 3 });
    } finally {
      await store.close();
    }
  });
});
