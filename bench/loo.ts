/**
 * Development figures for tuning the matcher, without reading the holdout split:
 * - the tune split of test/eval/questions.jsonl (top-1, MRR, rejection);
 * - leave-one-alternate-out over the knowledge base: in round k the k-th alternate question of every
 *   entry is taken out of the index and asked (rank@1 of its entry, answered with it, answered wrongly).
 *
 * `npx tsx bench/loo.ts ['{"answerThreshold":0.4}' …] [--confusions]`: one line per option set (JSON
 * overrides of DEFAULT_MATCH_OPTIONS); `--confusions` lists the tune and leave-one-out misses too.
 * `KNOWLEDGE=DIR` reads another knowledge folder (a frozen copy, when others are editing knowledge/).
 * - slack-situations.jsonl and imported-more.jsonl: tune rows readable, holdout rows totals only.
 * - slack-dev.jsonl per style: the odd lines (1st, 3rd, …) may be read one by one (`--confusions` lists their misses);
 *   the even lines are printed only as totals, so they stay a check on what was tuned.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { evaluateMatcher, parseLabelledQuestions } from '../src/core/match/evaluate.js';
import type { MatchOptions } from '../src/core/match/options.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';
import { halfOf, leaveOneOutRounds } from './eval-rows.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const showConfusions = args.includes('--confusions');
const optionSets = args.filter((a) => a.startsWith('{')).map((a) => JSON.parse(a) as Partial<MatchOptions>);
if (optionSets.length === 0) optionSets.push({});

const kb = await loadKnowledgeBase(process.env.KNOWLEDGE ?? `${root}knowledge`);
// Only the tune split is ever read here.
const labelled = parseLabelledQuestions(readFileSync(`${root}test/eval/questions.jsonl`, 'utf8'));
const tune = labelled.filter((q) => q.split === 'tune');
// The holdout split is only ever counted (top-1 and rejection), never listed.
const holdout = labelled.filter((q) => q.split !== 'tune');

interface SlackRow {
  q: string;
  want: string | null;
  style: string;
  split?: string;
}
const half = (file: string, which: 'tune' | 'untouched') => halfOf(file, which) as unknown as SlackRow[];
const importedKb = await loadBundledAndImported();
const UNANSWERABLE = new Set(['in-domain-unknown', 'off-topic', 'unknown']);

/**
 * Per style: right (in scope) or refused (want null), wrong; counted by evaluateMatcher, as `beian eval` counts them.
 * `readable` says which rows may be printed one by one (their misses are listed with --confusions); the others are only
 * ever counted.
 */
function styleFigures(
  matcher: ReturnType<typeof createMatcher>,
  rows: readonly SlackRow[],
  label: string,
  readable: boolean,
): { table: string; misses: string[] } {
  // A question no entry answers, written in an answerable style, is counted apart from its style's answerable ones.
  const labelled = rows.map((row) => ({
    question: row.q,
    expected: row.want,
    style: row.want === null && !UNANSWERABLE.has(row.style) ? `${row.style}(none)` : row.style,
  }));
  const e = evaluateMatcher(matcher, labelled);
  const cells = e.styles.map((s) => `${s.style} ${s.right}/${s.questions}${s.wrong > 0 ? ` (${s.wrong} wrong)` : ''}`);
  // Offered: in-scope questions refused with the wanted entry among the suggestions, one click away in Slack.
  const { right, offered, wrong: wrongInScope, answeredOut } = e.counts;
  const table = `${label}: in scope ${right}/${e.inScope} (+${offered} offered), wrong ${wrongInScope + answeredOut}/${e.questions} | ${cells.join(', ')}`;
  const index = new Map(rows.map((row, i) => [row.q, i]));
  const misses = readable
    ? e.confusions.map(
        (c) =>
          `${label}#${index.get(c.question)} ${rows[index.get(c.question) ?? 0]?.style} ${c.expected ?? 'OOS'} → ` +
          `${c.got ?? `refused (${c.best})`} ${c.confidence}: ${c.question}`,
      )
    : [];
  return { table, misses };
}

interface LooFigures {
  asked: number;
  rank1: number;
  answeredRight: number;
  answeredWrong: number;
  misses: string[];
}

/** Each leave-one-out round's matcher asks the questions taken out of it (bench/eval-rows.ts). */
function leaveOneOut(options: Partial<MatchOptions>): LooFigures {
  const figures: LooFigures = { asked: 0, rank1: 0, answeredRight: 0, answeredWrong: 0, misses: [] };
  for (const round of leaveOneOutRounds(kb)) {
    const matcher = createMatcher(round.kb, options);
    for (const { q, want } of round.asked) {
      const r = matcher.match(q);
      figures.asked += 1;
      if (r.best?.id === want) figures.rank1 += 1;
      if (r.answered && r.best?.id === want) figures.answeredRight += 1;
      else {
        if (r.answered) figures.answeredWrong += 1;
        figures.misses.push(`${want} → ${r.answered ? r.best?.id : `refused (${r.best?.id})`} ${r.confidence}: ${q}`);
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
  const h = evaluateMatcher(createMatcher(kb, options), holdout);
  console.log(`  questions.jsonl holdout (totals only): top1 ${pct(h.top1)} rej ${pct(h.rejection)}`);
  const matcher = createMatcher(kb, options);
  const sets = [
    styleFigures(matcher, half('slack-dev.jsonl', 'tune'), 'slack-dev odd', true),
    styleFigures(matcher, half('slack-dev.jsonl', 'untouched'), 'slack-dev even', false),
    styleFigures(matcher, half('slack-more.jsonl', 'tune'), 'slack-more tune', true),
    styleFigures(matcher, half('slack-more.jsonl', 'untouched'), 'slack-more holdout', false),
  ];
  // Situations described without their key term, written blind to the matcher (test/eval/README.md).
  sets.push(styleFigures(matcher, half('slack-situations.jsonl', 'tune'), 'situations tune', true));
  sets.push(styleFigures(matcher, half('slack-situations.jsonl', 'untouched'), 'situations holdout', false));
  const imported = createMatcher(importedKb, options);
  // The bundled entries must stay as good beside title-only ones (slack-eval.test.ts keeps a floor on this).
  const mixed = evaluateMatcher(imported, tune);
  console.log(
    `  questions.jsonl tune beside the imported entries: top1 ${pct(mixed.top1)} rej ${pct(mixed.rejection)}`,
  );
  sets.push(styleFigures(imported, half('imported-paraphrases.jsonl', 'tune'), 'imported tune', true));
  sets.push(styleFigures(imported, half('imported-paraphrases.jsonl', 'untouched'), 'imported holdout', false));
  sets.push(styleFigures(imported, half('imported-more.jsonl', 'tune'), 'imported-more tune', true));
  sets.push(styleFigures(imported, half('imported-more.jsonl', 'untouched'), 'imported-more holdout', false));
  for (const set of sets) console.log(`  ${set.table}`);
  if (showConfusions) {
    for (const set of sets) for (const m of set.misses) console.log(`  miss ${m}`);
    for (const c of t.confusions) {
      console.log(`  tune ${c.expected ?? 'OOS'} → ${c.got ?? `refused (${c.best})`} ${c.confidence}: ${c.question}`);
    }
    for (const m of l.misses) console.log(`  loo ${m}`);
  }
}
