// A child process for the durability test: writes feedback as fast as it can, several at a time, and prints
// `ack N` only after the store has acknowledged record N. The parent kills it with SIGKILL mid-burst.
import { createStore } from '../../../src/store/create-store.js';

const [dataDir = '', databaseUrl = ''] = process.argv.slice(2);
const store = await createStore({ dataDir, databaseUrl: databaseUrl || undefined });
process.stdout.write('ready\n');
let next = 0;
async function writer(): Promise<void> {
  for (;;) {
    const n = next;
    next += 1;
    await store.append({
      kind: 'feedback',
      at: new Date().toISOString(),
      user: 'UBURST',
      channel: null,
      entryId: `burst-${n}`,
      value: 'helpful',
    });
    // stdout to a pipe is synchronous on Linux: once this returns, the parent can read the line.
    process.stdout.write(`ack ${n}\n`);
  }
}
await Promise.all(Array.from({ length: 4 }, writer));
