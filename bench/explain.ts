/**
 * Explains one ranking: `npx tsx bench/explain.ts [--imported] 'question' …` prints the message's weighted terms (q =
 * question part) and, for the best candidates, which terms each entry's phrases (P), only its answer (A) or nothing (-)
 * contain. For reading tune questions only. `--loo` first takes the question out of the entries' alternates, to read a
 * leave-one-alternate-out miss of bench/loo.ts as it was asked.
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../src/core/knowledge/types.js';
import { createRanker } from '../src/core/match/create-matcher.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const full = args.includes('--imported') ? await loadBundledAndImported() : await loadKnowledgeBase(`${root}knowledge`);
const without = (q: string): KnowledgeBase => {
  const entries = full.entries.map((e) => ({ ...e, questions: e.questions.filter((a) => a !== q) }));
  return { ...full, entries, byId: new Map(entries.map((e) => [e.id, e])) };
};
const has = (p: Int32Array | undefined, e: number) => p?.includes(e) === true;
const r2 = (x: number) => Math.round(x * 100) / 100;
for (const q of args.filter((a) => !a.startsWith('--'))) {
  const kb = args.includes('--loo') ? without(q) : full;
  const rank = createRanker(kb, {}, true);
  const { weighted, askedTerms, asked } = rank.weigh(q);
  console.log(`\n${q}  kinds: ${[...asked.keys()].join(',')}`);
  console.log(
    '  ' +
      [...weighted]
        .map(
          ([t, w]) =>
            `${t}${askedTerms.has(t) ? 'q' : ''}=${r2(w)}${rank.index.idf.has(t) ? '' : rank.index.answerIdf.has(t) ? '(a)' : '(?)'}`,
        )
        .join(' '),
  );
  for (const c of rank(q, 4)) {
    const e = c.entry;
    const marks = [...weighted.keys()]
      .map(
        (t) =>
          `${t}:${has(rank.index.corePostings.get(t), e) ? 'P' : has(rank.index.answerPostings.get(t), e) ? 'A' : '-'}`,
      )
      .join(' ');
    console.log(
      `  ${kb.entries[e]?.id} conf ${r2(c.confidence)} cov ${r2(c.coverage)} qs ${r2(c.questionShare ?? 0)} abs ${r2(c.absent ?? 0)} agr ${c.agrees} | ${marks}`,
    );
  }
}
