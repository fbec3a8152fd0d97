/** What the tuning scripts (bench/loo.ts, calibrate.ts, calibrate-cv.ts) read: eval sets and leave-one-out rounds. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../src/core/knowledge/types.js';

const EVAL_DIR = fileURLToPath(new URL('../test/eval/', import.meta.url));

/** The rows of one JSON-lines file in test/eval/. */
export function readEvalRows(file: string): Record<string, unknown>[] {
  return readFileSync(`${EVAL_DIR}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** One leave-one-alternate-out round: the knowledge base without each entry's k-th alternate, and those questions. */
export interface LeaveOneOutRound {
  kb: KnowledgeBase;
  asked: { q: string; want: string }[];
}

/** Round k takes the k-th alternate out of every entry that has one; each taken-out question is asked of that round. */
export function leaveOneOutRounds(base: KnowledgeBase): LeaveOneOutRound[] {
  const rounds = Math.max(...base.entries.map((e) => e.questions.length));
  return Array.from({ length: rounds }, (_, k) => {
    const entries = base.entries.map((e) => ({ ...e, questions: e.questions.filter((_, i) => i !== k) }));
    const asked = base.entries.flatMap((e) => {
      const q = e.questions[k];
      return q === undefined ? [] : [{ q, want: e.id }];
    });
    return { kb: { ...base, entries, byId: new Map(entries.map((e) => [e.id, e])) }, asked };
  });
}
