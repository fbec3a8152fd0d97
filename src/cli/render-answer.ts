import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import type { MatchResult } from '../core/match/types.js';
import { renderMarkdown, type Style } from './render-markdown.js';

/** Confidence as a whole percentage, e.g. `87%`. */
export function formatPercent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * The answer to one question as terminal text: title, rendered answer, source, reviewed date,
 * confidence and numbered suggestions; or a plain "no answer" with suggestions when not answered.
 */
export function renderAnswer(result: MatchResult, kb: KnowledgeBase, style: Style): string {
  const best = result.answered ? result.best : null;
  const parts: string[] = [];
  if (best) {
    parts.push(`${renderEntry(best, style)}\nConfidence: ${formatPercent(result.confidence)}`);
  } else {
    parts.push('The knowledge base has no answer to this question. / 知识库中没有这个问题的答案。');
  }
  const suggestions = renderSuggestions(result, kb);
  if (suggestions !== '') parts.push(suggestions);
  return parts.join('\n\n');
}

/** One entry as terminal text: title, rendered answer, source and reviewed date. */
export function renderEntry(entry: Entry, style: Style): string {
  return [
    style.bold(entry.title),
    renderMarkdown(entry.answer, style),
    `Source: ${entry.source.title} (${entry.source.url})\nReviewed: ${entry.reviewed}`,
  ].join('\n\n');
}

function renderSuggestions(result: MatchResult, kb: KnowledgeBase): string {
  if (result.suggestions.length === 0) return '';
  const heading = result.answered ? 'Related questions:' : 'Did you mean:';
  const lines = result.suggestions.map((s, i) => {
    const title = kb.byId.get(s.id)?.title ?? s.title;
    return `  ${i + 1}. ${title} (${formatPercent(s.confidence)})`;
  });
  return [heading, ...lines].join('\n');
}
