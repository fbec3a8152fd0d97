import { isPastDue } from '../core/knowledge/freshness.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import type { MatchResult } from '../core/match/types.js';
import { en } from '../slack/messages/en.js';
import { zhCN } from '../slack/messages/zh-cn.js';
import { renderMarkdown, type Style } from './render-markdown.js';

/** Confidence as a whole percentage, e.g. `87%`. */
export function formatPercent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * The answer to one question as terminal text: title, rendered answer, source, reviewed date,
 * confidence and numbered suggestions; or a plain "no answer" with suggestions when not answered.
 */
export function renderAnswer(result: MatchResult, kb: KnowledgeBase, style: Style, today?: string): string {
  const best = result.answered ? result.best : null;
  const parts: string[] = [];
  if (best) {
    parts.push(`${renderEntry(best, style, today)}\nConfidence: ${formatPercent(result.confidence)}`);
  } else {
    parts.push('The knowledge base has no answer to this question. / 知识库中没有这个问题的答案。');
  }
  const suggestions = renderSuggestions(result, kb);
  if (suggestions !== '') parts.push(suggestions);
  return parts.join('\n\n');
}

/** One entry as terminal text: title, a notice when past due for review on `today`, answer, source and reviewed date. */
export function renderEntry(entry: Entry, style: Style, today?: string): string {
  const stale = today !== undefined && isPastDue(entry, today);
  return [
    style.bold(entry.title),
    ...(stale ? [`${en.staleNotice(entry.reviewed)}\n${zhCN.staleNotice(entry.reviewed)}`] : []),
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
