// The learning loop's figure for the README: `npx tsx test/eval/learning-loop-figures.ts [SET…]`
// (default slack-more.jsonl and questions.jsonl). Replays each set's tune split as traffic, applies the alternates
// `beian kb suggest` proposes to a temporary copy of knowledge/, and prints top-1 on the holdout split before and after.
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runLearningLoop } from '../core/learn/learning-loop.js';

const sets = process.argv.length > 2 ? process.argv.slice(2) : ['slack-more.jsonl', 'questions.jsonl'];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const set of sets) {
  const loop = await runLearningLoop(set);
  const { holdoutBefore: b, holdoutAfter: a } = loop;
  const inScope = b.inScope;
  console.log(
    `${set}: ${loop.tune.length} tune questions replayed -> ${loop.report.alternates.length} alternates in ` +
      `${loop.changedFiles.length} files; holdout (${loop.holdout.length}, ${inScope} in scope) top-1 ` +
      `${pct(b.top1)} -> ${pct(a.top1)} (${Math.round(b.top1 * inScope)} -> ${Math.round(a.top1 * inScope)}), ` +
      `wrong ${pct(b.wrongAnswerRate)} -> ${pct(a.wrongAnswerRate)}, rejection ${pct(b.rejection)} -> ${pct(a.rejection)}`,
  );
  await rm(dirname(loop.copy), { recursive: true, force: true });
}
