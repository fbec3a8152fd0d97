import type { MatchResult } from '../match/types.js';

/** The machine-readable answer (`beian ask --json`, one JSON line per question); Slack may reuse it. */
export interface AnswerJson {
  question: string;
  answered: boolean;
  confidence: number;
  entry: {
    id: string;
    title: string;
    topic: string;
    answer: string;
    source: { title: string; url: string };
  } | null;
  suggestions: { id: string; title: string; confidence: number }[];
}

/** Shapes a match result as {@link AnswerJson}: `entry` only when answered, confidences to 3 decimals. */
export function toAnswerJson(result: MatchResult): AnswerJson {
  const best = result.answered ? result.best : null;
  return {
    question: result.question,
    answered: result.answered && best !== null,
    confidence: roundConfidence(result.confidence),
    entry: best && {
      id: best.id,
      title: best.title,
      topic: best.topic,
      answer: best.answer,
      source: { title: best.source.title, url: best.source.url },
    },
    suggestions: result.suggestions.map((s) => ({
      id: s.id,
      title: s.title,
      confidence: roundConfidence(s.confidence),
    })),
  };
}

function roundConfidence(value: number): number {
  return Math.round(value * 1000) / 1000;
}
