/**
 * Development figures for tuning the matcher, without reading the holdout split:
 * - the tune split of test/eval/questions.jsonl (top-1, MRR, rejection);
 * - leave-one-alternate-out over the knowledge base: in round k the k-th alternate question of every
 *   entry is taken out of the index and asked (rank@1 of its entry, answered with it, answered wrongly).
 *
 * `npx tsx bench/loo.ts ['{"answerThreshold":0.4}' …] [--confusions]`: one line per option set (JSON
 * overrides of DEFAULT_MATCH_OPTIONS); `--confusions` lists the tune and leave-one-out misses too.
 * `KNOWLEDGE=DIR` reads another knowledge folder (a frozen copy, when others are editing knowledge/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { Entry, KnowledgeBase } from '../src/core/knowledge/types.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { evaluateMatcher, parseLabelledQuestions } from '../src/core/match/evaluate.js';
import type { MatchOptions } from '../src/core/match/options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const showConfusions = args.includes('--confusions');
const optionSets = args.filter((a) => a.startsWith('{')).map((a) => JSON.parse(a) as Partial<MatchOptions>);
if (optionSets.length === 0) optionSets.push({});

const kb = await loadKnowledgeBase(process.env.KNOWLEDGE ?? `${root}knowledge`);
// Only the tune split is ever read here.
const tune = parseLabelledQuestions(readFileSync(`${root}test/eval/questions.jsonl`, 'utf8')).filter(
  (q) => q.split === 'tune',
);

function withEntries(entries: Entry[]): KnowledgeBase {
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), topics: kb.topics };
}

interface LooFigures {
  asked: number;
  rank1: number;
  answeredRight: number;
  answeredWrong: number;
  misses: string[];
}

/** Round k drops the k-th alternate of every entry that has one, and asks each dropped question. */
function leaveOneOut(options: Partial<MatchOptions>): LooFigures {
  const rounds = Math.max(...kb.entries.map((e) => e.questions.length));
  const figures: LooFigures = { asked: 0, rank1: 0, answeredRight: 0, answeredWrong: 0, misses: [] };
  for (let k = 0; k < rounds; k += 1) {
    const matcher = createMatcher(
      withEntries(kb.entries.map((e) => ({ ...e, questions: e.questions.filter((_, i) => i !== k) }))),
      options,
    );
    for (const e of kb.entries) {
      const q = e.questions[k];
      if (q === undefined) continue;
      const r = matcher.match(q);
      figures.asked += 1;
      if (r.best?.id === e.id) figures.rank1 += 1;
      if (r.answered && r.best?.id === e.id) figures.answeredRight += 1;
      else {
        if (r.answered) figures.answeredWrong += 1;
        figures.misses.push(`${e.id} → ${r.answered ? r.best?.id : `refused (${r.best?.id})`} ${r.confidence}: ${q}`);
      }
    }
  }
  return figures;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`;
for (const options of optionSets) {
  const t = evaluateMatcher(createMatcher(kb, options), tune);
  const l = leaveOneOut(options);
  console.log(
    `${JSON.stringify(options)} tune top1 ${pct(t.top1)} mrr ${t.mrr.toFixed(3)} rej ${pct(t.rejection)} | ` +
      `loo n=${l.asked} rank1 ${pct(l.rank1 / l.asked)} right ${pct(l.answeredRight / l.asked)} ` +
      `wrong ${pct(l.answeredWrong / l.asked)}`,
  );
  if (showConfusions) {
    for (const c of t.confusions) {
      console.log(`  tune ${c.expected ?? 'OOS'} → ${c.got ?? `refused (${c.best})`} ${c.confidence}: ${c.question}`);
    }
    for (const m of l.misses) console.log(`  loo ${m}`);
  }
}
