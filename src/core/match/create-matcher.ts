import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { foldText } from '../text/fold-text.js';
import { analyseFolded, analyseText, CONCEPT_PREFIX } from './analyse-text.js';
import { decideMatch } from './decide-match.js';
import { ENGLISH_FILLER, OFF_TOPIC_CONCEPTS, SYNONYM_GROUPS } from './lexicon.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.js';
import { entryKinds, kindMismatch, type QuestionKind, questionKinds } from './question-kind.js';
import { type PartRole, readMessage } from './read-message.js';
import { type Candidate, createScorer } from './score-entries.js';
import { buildSoundIndex, correctHomophones, readPinyin, type SoundIndex } from './sound-alike.js';
import { buildTermIndex, charFactor, type TermIndex } from './term-index.js';
import type { Matcher, MatchResult } from './types.js';

const MISSPELLABLE = /^[a-z]{5,}$/;
const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;
const LATIN_SYNONYMS = Object.values(SYNONYM_GROUPS).flat();
const LATIN_WORDS = new Set(LATIN_SYNONYMS.filter((w) => /^[a-z]+$/.test(w)));
const FILLER_WORDS = new Set(ENGLISH_FILLER);
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
  const sounds = buildSoundIndex([...index.idf.keys(), ...index.answerIdf.keys()]);
  const isKnownWord = (w: string) =>
    !FILLER_WORDS.has(w) && (LATIN_WORDS.has(w) || index.idf.has(w) || index.answerIdf.has(w));
  const kindsOfEntry = opts.kindMismatchWeight < 1 ? entryKinds(kb.entries) : [];
  return (question: string, limit: number): Candidate[] => {
    const weighted = new Map<string, number>();
    const asked = new Set<QuestionKind>();
    for (const part of readMessage(question, opts.splitClauses)) {
      const terms = readTerms(part.text, sounds, isKnownWord, opts);
      const unknownShare = part.role === 'context' ? opts.contextUnknownWeight : 1;
      weighTerms(weighted, index, terms, roleWeight(part.role, opts), unknownShare, correctSpelling, opts);
      if (part.role === 'question') for (const k of questionKinds(part.text)) asked.add(k);
    }
    const byKind = asked.size > 0 && kindsOfEntry.length > 0;
    if (!byKind && opts.absentTermWeight === 0) return scoreEntries(weighted, limit);
    const total = [...weighted.values()].reduce((a, b) => a + b, 0);
    return scoreEntries(weighted, limit + RERANK)
      .map((c) => {
        // An entry that never asks the question's kind (how long, why, where) answers something else.
        const kind = byKind && kindMismatch(asked, kindsOfEntry[c.entry] ?? new Set()) ? opts.kindMismatchWeight : 1;
        // Known terms of the question that none of the entry's phrases uses ask about another aspect (fees, materials, …).
        const absent = total > 0 ? absentWeight(index, weighted, c.entry) / total : 0;
        return { ...c, confidence: c.confidence * kind * (1 - opts.absentTermWeight * absent) };
      })
      .sort((a, b) => b.confidence - a.confidence || a.entry - b.entry)
      .slice(0, limit);
  };
}

// Weight of the question's terms that some entry's phrases use but not this entry's.
function absentWeight(index: TermIndex, weighted: ReadonlyMap<string, number>, entry: number): number {
  let absent = 0;
  for (const [term, w] of weighted) {
    const postings = index.corePostings.get(term);
    if (postings !== undefined && !postings.includes(entry)) absent += w;
  }
  return absent;
}

// Extra candidates scored when the question's kind or absent terms may reorder them.
const RERANK = 5;

function roleWeight(role: PartRole, opts: MatchOptions): number {
  if (role === 'question') return 1;
  return role === 'quote' ? opts.quoteWeight : opts.contextWeight;
}

// The terms of one part, each with the share of its weight it keeps: terms read through pinyin or a
// homophone are only probably what was meant.
function readTerms(
  text: string,
  sounds: SoundIndex,
  isKnownWord: (w: string) => boolean,
  opts: MatchOptions,
): Map<string, number> {
  const folded = foldText(text);
  const plain = analyseFolded(folded);
  const respelled = readPinyin(correctHomophones(folded, sounds), sounds, isKnownWord);
  const terms = new Map<string, number>();
  if (respelled === folded) {
    for (const t of plain) terms.set(t, 1);
    return terms;
  }
  const original = new Set(plain);
  for (const t of analyseFolded(respelled)) terms.set(t, original.has(t) ? 1 : opts.soundAlikeWeight);
  return terms;
}

// Adds a part's terms at the part's weight; a term already weighed in another part keeps the larger weight.
function weighTerms(
  weighted: Map<string, number>,
  index: TermIndex,
  terms: ReadonlyMap<string, number>,
  partWeight: number,
  unknownShare: number,
  correctSpelling: (word: string) => string | undefined,
  opts: MatchOptions,
): void {
  const unknown = index.maxIdf * opts.unknownTermWeight;
  for (const [raw, share] of terms) {
    const corrected = index.idf.has(raw) || !MISSPELLABLE.test(raw) ? undefined : correctSpelling(raw);
    for (const term of corrected === undefined ? [raw] : analyseText(corrected)) {
      const base =
        index.idf.get(term) ?? index.answerIdf.get(term) ?? unknown * unknownShare * unknownFactor(term, opts);
      const w = base * share * partWeight;
      if (w > (weighted.get(term) ?? 0)) weighted.set(term, w);
    }
  }
}

function unknownFactor(term: string, opts: MatchOptions): number {
  if (OFF_TOPIC.has(term)) return opts.offTopicWeight;
  if (term.startsWith(CONCEPT_PREFIX)) return opts.unknownConceptWeight;
  if (HAN_BIGRAM.test(term)) return opts.unknownBigramWeight;
  return charFactor(term, opts);
}

// Fuse.js scores a near miss against the English words the knowledge base and the dictionary know:
// "certficate" still finds "certificate" (and through it the concept ~cert). Only words sharing most
// letter pairs with the question's word are scored, so a question full of unknown words stays fast.
function createSpellingCorrector(index: TermIndex, threshold: number): (word: string) => string | undefined {
  const words = [...new Set([...index.idf.keys(), ...LATIN_SYNONYMS])].filter((t) => MISSPELLABLE.test(t));
  const byPair = new Map<string, string[]>();
  for (const w of words) {
    for (const pair of new Set(letterPairs(w))) {
      const list = byPair.get(pair);
      if (list === undefined) byPair.set(pair, [w]);
      else list.push(w); // not a copy per word: common pairs have thousands of words in a large knowledge base
    }
  }
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
