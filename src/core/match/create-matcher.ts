import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { analyseText, CONCEPT_PREFIX } from './analyse-text.js';
import { decideMatch } from './decide-match.js';
import { OFF_TOPIC_CONCEPTS, SYNONYM_GROUPS } from './lexicon.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.js';
import { type Candidate, createScorer, type WeightedTerms } from './score-entries.js';
import { buildTermIndex, charFactor, type TermIndex } from './term-index.js';
import type { Matcher, MatchResult } from './types.js';

// Questions longer than this are cut: nobody asks a 2,000-character question, and it bounds the work.
const MAX_QUESTION_LENGTH = 500;
const MISSPELLABLE = /^[a-z]{5,}$/;
const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;
const LATIN_SYNONYMS = Object.values(SYNONYM_GROUPS).flat();
const OFF_TOPIC = new Set([...OFF_TOPIC_CONCEPTS].map((c) => `${CONCEPT_PREFIX}${c}`));

/**
 * Builds a matcher over the knowledge base; `options` override {@link DEFAULT_MATCH_OPTIONS}.
 * Entries are indexed once (an inverted index of concept terms, Chinese bigrams and English words);
 * each question is scored against the entries that share a term with it.
 */
export function createMatcher(kb: KnowledgeBase, options: Partial<MatchOptions> = {}): Matcher {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const rank = createRanker(kb, opts);
  const limit = Math.max(2, opts.maxSuggestions + 1);
  return {
    match(question: string): MatchResult {
      return decideMatch(question, rank(question, limit), kb.entries, opts);
    },
  };
}

/** The scoring half of {@link createMatcher}: a question's best `limit` candidates, best first, before any decision. */
export function createRanker(kb: KnowledgeBase, options: Partial<MatchOptions> = {}) {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const index = buildTermIndex(kb.entries, opts);
  const scoreEntries = createScorer(index, opts);
  const correctSpelling = createSpellingCorrector(index, opts.spellingThreshold);
  return (question: string, limit: number): Candidate[] => {
    const terms = weighTerms(index, analyseText(question.slice(0, MAX_QUESTION_LENGTH)), correctSpelling, opts);
    return scoreEntries(terms, limit);
  };
}

function weighTerms(
  index: TermIndex,
  terms: readonly string[],
  correctSpelling: (word: string) => string | undefined,
  opts: MatchOptions,
): WeightedTerms {
  const weighted = new Map<string, number>();
  const unknown = index.maxIdf * opts.unknownTermWeight;
  for (const raw of terms) {
    const corrected = index.idf.has(raw) || !MISSPELLABLE.test(raw) ? undefined : correctSpelling(raw);
    for (const term of corrected === undefined ? [raw] : analyseText(corrected)) {
      weighted.set(term, index.idf.get(term) ?? index.answerIdf.get(term) ?? unknown * unknownFactor(term, opts));
    }
  }
  return weighted;
}

function unknownFactor(term: string, opts: MatchOptions): number {
  if (OFF_TOPIC.has(term)) return opts.offTopicWeight;
  if (HAN_BIGRAM.test(term)) return opts.unknownBigramWeight;
  return charFactor(term, opts);
}

// Fuse.js scores a near miss against the English words the knowledge base and the dictionary know:
// "certficate" still finds "certificate" (and through it the concept ~cert). Only words sharing most
// letter pairs with the question's word are scored, so a question full of unknown words stays fast.
function createSpellingCorrector(index: TermIndex, threshold: number): (word: string) => string | undefined {
  const words = [...new Set([...index.idf.keys(), ...LATIN_SYNONYMS])].filter((t) => MISSPELLABLE.test(t));
  const byPair = new Map<string, string[]>();
  for (const w of words) for (const pair of new Set(letterPairs(w))) byPair.set(pair, [...(byPair.get(pair) ?? []), w]);
  return (word) => {
    const pairs = new Set(letterPairs(word));
    const shared = new Map<string, number>();
    for (const pair of pairs) for (const w of byPair.get(pair) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
    let best: { word: string; score: number } | undefined;
    for (const [candidate, count] of shared) {
      // One typo breaks at most two letter pairs; allow a third for transpositions.
      if (count < pairs.size - 3 || Math.abs(candidate.length - word.length) > 2) continue;
      const result = Fuse.match(word, candidate, { threshold, ignoreLocation: true });
      if (result.isMatch && result.score < (best?.score ?? Number.POSITIVE_INFINITY)) {
        best = { word: candidate, score: result.score };
      }
    }
    return best?.word;
  };
}

function letterPairs(word: string): string[] {
  return Array.from({ length: word.length - 1 }, (_, i) => word.slice(i, i + 2));
}
