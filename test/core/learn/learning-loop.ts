import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyAlternates } from '../../../src/cli/kb-suggest.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';
import { type SuggestReport, suggestFromTraffic } from '../../../src/core/learn/suggest.js';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import {
  type Evaluation,
  evaluateMatcher,
  type LabelledQuestion,
  parseLabelledQuestions,
} from '../../../src/core/match/evaluate.js';
import { replayAsTraffic } from './replay.js';

const BUNDLED = fileURLToPath(new URL('../../../knowledge', import.meta.url));

/** What one turn of the learning loop did and measured. */
export interface LoopResult {
  tune: LabelledQuestion[];
  holdout: LabelledQuestion[];
  report: SuggestReport;
  before: KnowledgeBase;
  after: KnowledgeBase;
  /** The copy of the knowledge folder the alternates were applied to. */
  copy: string;
  holdoutBefore: Evaluation;
  holdoutAfter: Evaluation;
  changedFiles: string[];
}

/**
 * Replays the tune split of `test/eval/SET` as traffic on a temporary copy of the bundled knowledge base, applies
 * every proposed alternate there (never in knowledge/), and measures the holdout split before and after.
 */
export async function runLearningLoop(set: string): Promise<LoopResult> {
  const questions = parseLabelledQuestions(
    await readFile(fileURLToPath(new URL(`../../eval/${set}`, import.meta.url)), 'utf8'),
  );
  const tune = questions.filter((q) => q.split === 'tune');
  const holdout = questions.filter((q) => q.split === 'holdout');
  const copy = join(await mkdtemp(join(tmpdir(), 'beian-learn-')), 'knowledge');
  await cp(BUNDLED, copy, { recursive: true });
  const before = await loadKnowledgeBase(copy);
  const matcher = createMatcher(before);
  const report = suggestFromTraffic({ kb: before, ...replayAsTraffic(matcher, tune) });
  const changedFiles = await applyAlternates(copy, report.alternates);
  const after = await loadKnowledgeBase(copy, { checkMarkup: true });
  return {
    tune,
    holdout,
    report,
    before,
    after,
    copy,
    holdoutBefore: evaluateMatcher(matcher, holdout),
    holdoutAfter: evaluateMatcher(createMatcher(after), holdout),
    changedFiles,
  };
}
