/**
 * Explains one ranking: `npx tsx bench/explain.ts [--imported] 'question' …` prints the message's weighted terms (q =
 * question part) and, for the best candidates, which terms each entry's phrases (P), only its answer (A) or nothing (-)
 * contain. `--loo` first takes each question out of the alternates that hold it (as bench/loo.ts's leave-one-alternate-out
 * does), to read one of its misses. For reading tune questions only.
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createRanker } from '../src/core/match/create-matcher.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const kb = args.includes('--imported') ? await loadBundledAndImported() : await loadKnowledgeBase(`${root}knowledge`);
const questions = args.filter((a) => !a.startsWith('--'));
const asked = new Set(questions);
const entries = args.includes('--loo')
  ? kb.entries.map((e) => ({ ...e, questions: e.questions.filter((q) => !asked.has(q)) }))
  : kb.entries;
const rank = createRanker({ ...kb, entries, byId: new Map(entries.map((e) => [e.id, e])) }, {}, true);
const has = (p: Int32Array | undefined, e: number) => p?.includes(e) === true;
const r2 = (x: number) => Math.round(x * 100) / 100;
for (const q of questions) {
  const { weighted, askedTerms, asked } = rank.weigh(q);
  console.log(`\n${q}  kinds: ${[...asked].join(',')}`);
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
