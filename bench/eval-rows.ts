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

/**
 * One half of an eval set: the one that may be read while tuning (`tune`), or the one only ever counted (`untouched`).
 * A row's `split` says which; slack-dev.jsonl has none and alternates by line (the 1st, 3rd, … are the tune half).
 */
export function halfOf(file: string, half: 'tune' | 'untouched'): Record<string, unknown>[] {
  const isTune = (r: Record<string, unknown>, i: number) => ('split' in r ? r.split === 'tune' : i % 2 === 0);
  return readEvalRows(file).filter((r, i) => isTune(r, i) === (half === 'tune'));
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
