/**
 * Fits the matcher's calibration (options.ts, `calibration`): a logistic model of "the best entry is the right one"
 * over the readable tune questions only: the tune split of test/eval/questions.jsonl, slack-more.jsonl,
 * imported-paraphrases.jsonl, slack-situations.jsonl and imported-more.jsonl (the last two left out with `NEW_SETS=0`,
 * as the calibration in the options was fitted), and the odd lines of slack-dev.jsonl. `LOO=1` adds
 * leave-one-alternate-out questions of the bundled entries, counting `LOO_WEIGHT` (default 1) each. Prints the
 * coefficients, answered-right / wrong / refused at a few thresholds, and the reliability of the fitted confidence on
 * the same rows (the held-out figures come from `beian eval`; bench/calibrate-cv.ts compares feature sets held out).
 *
 * `npx tsx bench/calibrate.ts ['{"option":value}'] [--diag] [--json]` (overrides of DEFAULT_MATCH_OPTIONS to fit over;
 * `--json` prints the fitted calibration as JSON, to try with bench/loo.ts; `--diag` lists the features of tune rows
 * refused though right or answered wrongly at 0.6; `DROP=6,7` fits without those features).
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import type { Entry } from '../src/core/knowledge/types.js';
import { createRanker } from '../src/core/match/create-matcher.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../src/core/match/options.js';
import { loadBundledAndImported } from '../test/eval/imported-kb.js';
import { candidateFeatures } from './calibration-features.js';
import { halfOf, leaveOneOutRounds } from './eval-rows.js';
import { dot, fitLogistic, sigmoid } from './logistic.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Row {
  q: string;
  set?: string;
  want: string | null;
  imported?: boolean;
}
const rows: Row[] = [
  ...halfOf('questions.jsonl', 'tune').map((r) => ({
    q: String(r.question),
    want: (r.expected as string | null) ?? null,
    set: 'questions',
  })),
  ...halfOf('slack-dev.jsonl', 'tune').map((r) => ({ q: String(r.q), want: (r.want as string | null) ?? null })),
  ...halfOf('slack-more.jsonl', 'tune').map((r) => ({ q: String(r.q), want: (r.want as string | null) ?? null })),
  ...halfOf('imported-paraphrases.jsonl', 'tune').map((r) => ({
    q: String(r.q),
    want: (r.want as string | null) ?? null,
    imported: true,
  })),
  ...(process.env.NEW_SETS === '0'
    ? []
    : [
        ...halfOf('slack-situations.jsonl', 'tune').map((r) => ({
          q: String(r.q),
          want: (r.want as string | null) ?? null,
          set: 'situations',
        })),
        ...halfOf('imported-more.jsonl', 'tune').map((r) => ({
          q: String(r.q),
          want: (r.want as string | null) ?? null,
          imported: true,
          set: 'imported-more',
        })),
      ]),
];

const kb = await loadKnowledgeBase(`${root}knowledge`);
const importedKb = await loadBundledAndImported();
// A JSON argument overrides options while fitting ('{"evidenceDilution":0.5}'), to refit before changing a default.
const overrides = process.argv
  .slice(2)
  .filter((a) => a.startsWith('{'))
  .map((a) => JSON.parse(a) as Partial<MatchOptions>)
  .reduce((all, o) => Object.assign(all, o), {});
const rankBundled = createRanker(kb, overrides, true);
const rankImported = createRanker(importedKb, overrides, true);
const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...overrides };

// Leave-one-alternate-out rows: each alternate question asked of an index without it, as short clean questions the
// Slack-style tune rows have few of.
const looRows = process.env.LOO === '1' ? leaveOneOutRows() : [];

function leaveOneOutRows(): { q: string; want: string; rank: ReturnType<typeof createRanker> }[] {
  return leaveOneOutRounds(kb).flatMap((round) => {
    const rank = createRanker(round.kb, overrides, true);
    return round.asked.map(({ q, want }) => ({ q, want, rank }));
  });
}

// `DROP=6,7` leaves those features out (their coefficients fit to 0), to compare a model with and without them.
const DROP = (process.env.DROP ?? '')
  .split(',')
  .filter((v) => v !== '')
  .map(Number);
// Features in the order of the Calibration fields: 1, s, coverage, margin, lengthFeature (decide-match.ts), ln(1 + alternates),
// the question part's share, the absent share, agreement of the question part and the missing concept (score-entries.ts).
const data = [
  ...rows.map((r) =>
    features(
      r,
      r.imported === true ? rankImported : rankBundled,
      r.imported === true ? importedKb.entries : kb.entries,
    ),
  ),
  ...looRows.map((r) => features({ q: r.q, want: r.want, set: 'loo' }, r.rank, kb.entries, 1)),
];

function features(r: Row, rank: ReturnType<typeof createRanker>, entries: readonly Entry[], dropped = 0) {
  const { right, covered, features: f } = candidateFeatures(rank, r.q, r.want, entries, opts, dropped);
  const x = [
    1,
    f.score,
    f.coverage,
    f.margin,
    f.length,
    f.alternates,
    f.questionShare,
    f.absent,
    f.agrees,
    f.missing,
    f.sentence,
    f.unnamed,
  ];
  for (const i of DROP) x[i] = 0;
  // A leave-one-out row counts LOO_WEIGHT of a tune question in the fit (there are 485 of them, none unanswerable).
  const weight = r.set === 'loo' ? Number(process.env.LOO_WEIGHT ?? 1) : 1;
  return { x, y: right ? 1 : 0, weight, oos: r.want === null, covered, imported: r.imported === true, set: r.set };
}

const w = fitLogistic(
  data.map((d) => d.x),
  data.map((d) => d.y),
  data.map((d) => d.weight),
);

const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  `calibration: { intercept: ${round(w[0] ?? 0)}, score: ${round(w[1] ?? 0)}, coverage: ${round(w[2] ?? 0)}, ` +
    `margin: ${round(w[3] ?? 0)}, length: ${round(w[4] ?? 0)}, alternates: ${round(w[5] ?? 0)}, ` +
    `questionShare: ${round(w[6] ?? 0)}, absent: ${round(w[7] ?? 0)}, agrees: ${round(w[8] ?? 0)}, ` +
    `missing: ${round(w[9] ?? 0)} }  ` +
    `(${data.length} tune questions)`,
);
const names = [
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
  'sentence',
  'unnamed',
];
// The same as one JSON option set, to try with bench/loo.ts.
console.log(
  JSON.stringify({
    ...overrides,
    calibration: {
      ...Object.fromEntries(names.map((n, i) => [n, round(w[i] ?? 0)])),
      lengthCap: opts.calibration?.lengthCap,
    },
  }),
);
for (const t of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
  for (const [name, part] of [
    ['bundled', data.filter((d) => !d.imported)],
    ['imported', data.filter((d) => d.imported)],
    ['questions.jsonl', data.filter((d) => d.set === 'questions')],
    ['leave-one-out', data.filter((d) => d.set === 'loo')],
  ] as const)
    figuresAt(t, name, part);
}

function figuresAt(t: number, name: string, part: typeof data): void {
  const inScope = part.filter((d) => !d.oos).length;
  let right = 0;
  let wrong = 0;
  let refusedOos = 0;
  for (const d of part) {
    const answered = d.covered && sigmoid(dot(w, d.x)) >= t;
    if (answered && d.y === 1) right += 1;
    else if (answered) wrong += 1;
    else if (d.oos) refusedOos += 1;
  }
  console.log(
    `threshold ${t} ${name}: right ${right}/${inScope}, wrong ${wrong}/${part.length}, ` +
      `refused ${refusedOos}/${part.length - inScope} unanswerable`,
  );
}
// The calibration in the options (the defaults' unless overridden), on the same rows: is a refit needed at all?
const current = opts.calibration;
if (current !== null) {
  // In the order of `names`, which is the order of the features in each row.
  const v = names.map((n) => (current as unknown as Record<string, number | undefined>)[n] ?? 0);
  let e = 0;
  for (let b = 0; b < 10; b += 1) {
    const band = data.filter((d) => Math.min(9, Math.floor(sigmoid(dot(v, d.x)) * 10)) === b);
    const mean = band.reduce((s, d) => s + sigmoid(dot(v, d.x)), 0) / (band.length || 1);
    const share = band.reduce((s, d) => s + d.y, 0) / (band.length || 1);
    e += (band.length / data.length) * Math.abs(mean - share);
  }
  console.log(`ECE of the options' calibration on the fitting rows: ${round(e)}`);
}
let ece = 0;
for (let b = 0; b < 10; b += 1) {
  const band = data.filter((d) => Math.min(9, Math.floor(sigmoid(dot(w, d.x)) * 10)) === b);
  if (band.length === 0) continue;
  const mean = band.reduce((s, d) => s + sigmoid(dot(w, d.x)), 0) / band.length;
  const share = band.reduce((s, d) => s + d.y, 0) / band.length;
  ece += (band.length / data.length) * Math.abs(mean - share);
  console.log(
    `  band ${b / 10}–${(b + 1) / 10}: n=${band.length} mean confidence ${round(mean)} right ${round(share)}`,
  );
}
console.log(`ECE on the fitting rows: ${round(ece)}`);
if (process.argv.includes('--diag')) {
  for (const d of data) {
    const p = sigmoid(dot(w, d.x));
    if (p < 0.6 && d.y === 1) console.log('refused-right', d.x.slice(1).map(round).join(' '), round(p));
    if (p >= 0.6 && d.y === 0) console.log('answered-wrong', d.x.slice(1).map(round).join(' '), round(p));
  }
}
