/**
 * Where the wanted entry ranks, over the tune rows only: `npx tsx bench/ranks.ts`. Per set, how many in-scope questions
 * have it 1st, 2nd to 5th, or nowhere among the best five; a guide to whether a miss is a ranking or a decision one.
 * `KNOWLEDGE=DIR` reads another knowledge folder for the bundled sets, as bench/loo.ts.
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../src/core/knowledge/types.js';
import { createRanker } from '../src/core/match/create-matcher.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';
import { halfOf } from './eval-rows.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = await loadKnowledgeBase(process.env.KNOWLEDGE ?? `${root}knowledge`);
const imported = await loadBundledAndImported();
type Row = { q: string; want: string | null; split?: string };
const rows = (file: string) => halfOf(file, 'tune') as unknown as Row[];
const sets: [string, KnowledgeBase, Row[]][] = [
  ['slack-dev odd', bundled, rows('slack-dev.jsonl')],
  ['slack-more tune', bundled, rows('slack-more.jsonl')],
  ['situations tune', bundled, rows('slack-situations.jsonl')],
  ['imported tune', imported, rows('imported-paraphrases.jsonl')],
  ['imported-more tune', imported, rows('imported-more.jsonl')],
];
for (const [label, kb, set] of sets) {
  const rank = createRanker(kb);
  const counts = { first: 0, near: 0, absent: 0 };
  for (const row of set) {
    if (row.want === null) continue;
    const at = rank(row.q, 5).findIndex((c) => kb.entries[c.entry]?.id === row.want);
    if (at === 0) counts.first += 1;
    else if (at > 0) counts.near += 1;
    else counts.absent += 1;
  }
  console.log(`${label}: 1st ${counts.first}, 2nd–5th ${counts.near}, not in the best five ${counts.absent}`);
}
