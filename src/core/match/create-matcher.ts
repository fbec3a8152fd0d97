import Fuse from 'fuse.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { foldText } from '../text/fold-text.js';
import { tokeniseText } from '../text/tokenise.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.js';
import type { Matcher, MatchResult, Suggestion } from './types.js';

/** Builds a matcher over the knowledge base; `options` override {@link DEFAULT_MATCH_OPTIONS}. */
export function createMatcher(kb: KnowledgeBase, options: Partial<MatchOptions> = {}): Matcher {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const fuse = new Fuse(kb.entries, {
    keys: [
      { name: 'questions', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'tags', weight: 1 },
    ],
    getFn: (entry, path) => foldValue(entry, path),
    includeScore: true,
    ignoreLocation: true,
    useTokenSearch: true,
    tokenize: tokeniseText,
    threshold: 0.4,
  });
  return {
    match(question: string): MatchResult {
      const folded = foldText(question);
      const ranked = folded === '' ? [] : fuse.search(folded, { limit: opts.maxSuggestions + 1 });
      const scored = ranked.map((r) => ({ entry: r.item, confidence: 1 - (r.score ?? 1) }));
      return decide(question, scored, opts);
    },
  };
}

function foldValue(entry: Entry, path: string | string[]): string | string[] {
  const key = Array.isArray(path) ? path[0] : path;
  if (key === 'title') return foldText(entry.title);
  if (key === 'questions') return entry.questions.map(foldText);
  if (key === 'tags') return entry.tags.map(foldText);
  return '';
}

function decide(
  question: string,
  scored: readonly { entry: Entry; confidence: number }[],
  opts: MatchOptions,
): MatchResult {
  const top = scored[0];
  if (top === undefined) return { question, answered: false, confidence: 0, best: null, suggestions: [] };
  const answered = top.confidence >= opts.answerThreshold;
  const pool = answered ? scored.slice(1) : scored;
  const suggestions: Suggestion[] = pool
    .filter((s) => s.confidence >= opts.suggestThreshold)
    .slice(0, opts.maxSuggestions)
    .map((s) => ({ id: s.entry.id, title: s.entry.title, confidence: s.confidence }));
  return { question, answered, confidence: top.confidence, best: top.entry, suggestions };
}
