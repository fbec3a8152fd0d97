/**
 * Chooses the calibration's features honestly: k-fold cross-validation of the logistic calibration over the READABLE
 * rows only (the tune splits, slack-dev's odd lines and leave-one-alternate-out questions of the bundled entries), so
 * a feature is kept for what it predicts on rows it was not fitted on, not for what it does on a holdout.
 *
 * `npx tsx bench/calibrate-cv.ts [K]` prints, per feature set, the held-out log-likelihood per row and, at the
 * answering threshold, answered right / wrong / unanswerable refused over the held-out predictions, per group of rows.
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { Entry, KnowledgeBase } from '../src/core/knowledge/types.js';
import { createRanker } from '../src/core/match/create-matcher.js';
import { DEFAULT_MATCH_OPTIONS } from '../src/core/match/options.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';
import { candidateFeatures } from './calibration-features.js';
import { halfOf, leaveOneOutRounds } from './eval-rows.js';
import { fitLogistic, sigmoid } from './logistic.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const K = Number(process.argv[2] ?? 5);
const opts = DEFAULT_MATCH_OPTIONS;
type Rank = ReturnType<typeof createRanker>;
interface Row {
  q: string;
  want: string | null;
  group: string;
  rank: Rank;
  entries: readonly Entry[];
}

const kb = await loadKnowledgeBase(`${root}knowledge`);
const importedKb = await loadBundledAndImported();
const rankBundled = createRanker(kb, {}, true);
const rankImported = createRanker(importedKb, {}, true);
const slackRow = (r: Record<string, unknown>, group: string, imported = false): Row => ({
  q: String(r.q),
  want: (r.want as string | null) ?? null,
  group,
  rank: imported ? rankImported : rankBundled,
  entries: imported ? importedKb.entries : kb.entries,
});
const rows: Row[] = [
  ...halfOf('questions.jsonl', 'tune').map((r) => slackRow({ q: r.question, want: r.expected }, 'questions')),
  ...halfOf('slack-dev.jsonl', 'tune').map((r) => slackRow(r, 'slack')),
  ...halfOf('slack-more.jsonl', 'tune').map((r) => slackRow(r, 'slack')),
  ...halfOf('slack-situations.jsonl', 'tune').map((r) => slackRow(r, 'situations')),
  ...halfOf('imported-paraphrases.jsonl', 'tune').map((r) => slackRow(r, 'imported', true)),
  ...halfOf('imported-more.jsonl', 'tune').map((r) => slackRow(r, 'imported', true)),
  ...leaveOneOutRows(kb),
];

function leaveOneOutRows(base: KnowledgeBase): Row[] {
  return leaveOneOutRounds(base).flatMap((round) => {
    const rank = createRanker(round.kb, {}, true);
    return round.asked.map(({ q, want }) => ({
      q,
      want,
      group: 'loo',
      rank,
      entries: round.kb.entries,
    }));
  });
}

const FEATURES = [
  'intercept',
  'score',
  'coverage',
  'margin',
  'length',
  'alternates',
  'questionShare',
  'absent',
  'agrees',
  'missing',
  'second',
  'alone',
  'viewCoverage',
  'unnamed',
] as const;
type Feature = (typeof FEATURES)[number];

const data = rows.map((r) => {
  const { right, covered, features } = candidateFeatures(r.rank, r.q, r.want, r.entries, opts);
  const f: Record<Feature, number> = { intercept: 1, ...features };
  return { f, y: right ? 1 : 0, oos: r.want === null, covered, group: r.group };
});

/** Per group of rows: answered right / in scope, answered wrongly, unanswerable refused, at the answering threshold. */
function decisions(p: readonly number[]): string {
  return ['questions', 'slack', 'situations', 'imported', 'loo']
    .map((g) => {
      let right = 0;
      let wrong = 0;
      let refused = 0;
      let inScope = 0;
      let oos = 0;
      data.forEach((d, i) => {
        if (d.group !== g) return;
        const answered = d.covered && (p[i] ?? 0) >= opts.answerThreshold;
        if (d.oos) oos += 1;
        else inScope += 1;
        if (answered && d.y === 1) right += 1;
        else if (answered) wrong += 1;
        else if (d.oos) refused += 1;
      });
      return `${g} ${right}/${inScope} w${wrong} r${refused}/${oos}`;
    })
    .join(' | ');
}

const logLikelihood = (p: readonly number[]) =>
  data.reduce((s, d, i) => s + Math.log(Math.max(1e-9, d.y === 1 ? (p[i] ?? 0) : 1 - (p[i] ?? 0))), 0) / data.length;

function crossValidate(features: readonly Feature[]): void {
  const held = new Array<number>(data.length).fill(0);
  for (let fold = 0; fold < K; fold += 1) {
    const train = data.filter((_, i) => i % K !== fold);
    const w = fitLogistic(
      train.map((d) => features.map((f) => d.f[f])),
      train.map((d) => d.y),
    );
    data.forEach((d, i) => {
      if (i % K === fold) held[i] = sigmoid(features.reduce((s, f, j) => s + (w[j] ?? 0) * d.f[f], 0));
    });
  }
  const full = fitLogistic(
    data.map((d) => features.map((f) => d.f[f])),
    data.map((d) => d.y),
  );
  console.log(
    `${features.slice(1).join('+').padEnd(60)} ll/row ${logLikelihood(held).toFixed(4)} | ${decisions(held)}`,
  );
  console.log(`   fit on all: ${features.map((f, i) => `${f} ${(full[i] ?? 0).toFixed(3)}`).join(', ')}`);
}

const BASE: Feature[] = ['intercept', 'score', 'coverage', 'margin', 'length', 'alternates', 'missing'];
console.log(`${data.length} readable rows, ${K}-fold cross-validation`);
// The calibration in the options, as it is (fitted on part of these rows, so not held out).
const k = opts.calibration;
if (k !== null) {
  const p = data.map((d) =>
    sigmoid(
      FEATURES.reduce(
        (s, f) => s + ((k as unknown as Record<string, number>)[f] ?? (f === 'intercept' ? 0 : 0)) * d.f[f],
        0,
      ),
    ),
  );
  console.log(
    `${"the options' calibration (not held out)".padEnd(60)} ll/row ${logLikelihood(p).toFixed(4)} | ${decisions(p)}`,
  );
}
crossValidate(BASE);
for (const extra of ['questionShare', 'absent', 'agrees', 'second', 'alone', 'viewCoverage', 'unnamed'] as const)
  crossValidate([...BASE, extra]);
crossValidate(BASE.filter((f) => f !== 'length'));
crossValidate(BASE.filter((f) => f !== 'coverage'));
crossValidate(BASE.filter((f) => f !== 'margin'));
