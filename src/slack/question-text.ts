// How a message reads (is it a question?) is the matcher's business; the Slack adapter asks the core.
export { looksLikeQuestion } from '../core/match/read-message.js';

/** Removes user and bot mentions (`<@U123>`) and tidies the spaces they leave. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
