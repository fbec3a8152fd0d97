const QUESTION_MARK = /[?？]/;
const CHINESE_CUES = /(吗|呢|怎么|怎样|如何|什么|为什么|为何|是否|能否|可否|可以|需要|多久|多少|哪)/;
const ENGLISH_START =
  /^(how|what|why|when|where|which|who|whom|whose|can|could|should|shall|do|does|did|is|are|was|were|will|would|may|must|has|have|any)\b/i;

/** True when a message reads as a question: a question mark, a Chinese question word, or an English question opening. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  return QUESTION_MARK.test(trimmed) || CHINESE_CUES.test(trimmed) || ENGLISH_START.test(trimmed);
}

/** Removes user and bot mentions (`<@U123>`) and tidies the spaces they leave. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
