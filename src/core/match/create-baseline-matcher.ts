import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Matcher, MatchResult } from './types.js';

/** The fixed confidence (1 − Fuse score) at which the baseline answers; not tuned, so it stays a fair reference. */
export const BASELINE_ANSWER_THRESHOLD = 0.5;

/**
 * Plain fuse.js, as a reference point for the evaluation and the benchmark: default options, keys
 * title and questions, no text handling of our own, a fixed threshold.
 */
export function createBaselineMatcher(kb: KnowledgeBase, answerThreshold = BASELINE_ANSWER_THRESHOLD): Matcher {
  const fuse = new Fuse(kb.entries, { keys: ['title', 'questions'], includeScore: true });
  return {
    match(question: string): MatchResult {
      const ranked = fuse
        .search(question, { limit: 4 })
        .map((r) => ({ entry: r.item, confidence: 1 - (r.score ?? 1) }));
      const top = ranked[0];
      if (top === undefined) return { question, answered: false, confidence: 0, best: null, suggestions: [] };
      const answered = top.confidence >= answerThreshold;
      const suggestions = (answered ? ranked.slice(1) : ranked)
        .slice(0, 3)
        .map((r) => ({ id: r.entry.id, title: r.entry.title, confidence: r.confidence }));
      return { question, answered, confidence: top.confidence, best: top.entry, suggestions };
    },
  };
}
