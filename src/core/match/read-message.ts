/**
 * Reads a chat message the way a person does: markup, greetings and sign-offs dropped, the rest cut
 * into sentences, each marked as the question asked, quoted text (a customer's words), or context.
 */

/** What a piece of a message is to the reader. */
export type PartRole = 'question' | 'quote' | 'context';

/** One sentence (or quoted passage) of a message. */
export interface MessagePart {
  text: string;
  role: PartRole;
}

// A message longer than this is read only this far: Slack allows 40,000 characters, the question is never that long.
const MAX_MESSAGE_LENGTH = 4000;
// A quotation at least this long is someone's words (evidence of its own); a shorter one names a thing ("粤ICP备…号").
const MIN_QUOTE_LENGTH = 12;

const CODE_BLOCK = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`\n]*`/g;
const SLACK_LINK = /<(https?:[^>|]*)(?:\|([^>]*))?>/g;
const SLACK_MARKUP = /<[@#!][^>]*>/g;
const EMOJI_CODE = /:[a-z0-9_+-]+:/g;
const PLAIN_MENTION = /(^|\s)@[^\s,，:：]+/g;
const QUOTED = /[“"「『]([^”"」』]*)[”"」』]/g;
const SENTENCE_END = /(?<=[。！？!?；;：\n])|(?<=[.:])(?=\s)/;

const CLAUSE_END = /(?<=[，,、])/;
const QUESTION_MARK = /[?？]/;
const CHINESE_CUES =
  /(吗|呢|怎么|怎样|如何|什么|为什么|为何|为啥|是否|能否|可否|可以|能不能|可不可以|要不要|需要|需不需要|有没有|多久|多少|多长|几天|哪)/;
const ENGLISH_START =
  /^(how|what|why|when|where|which|who|whom|whose|can|could|should|shall|do|does|did|is|are|was|were|will|would|may|must|has|have|any)\b/i;
// Not a question reported rather than asked ("a reseller asks whether …", "want to know what they mean") as a question
// too: slack-dev odd 52 → 51 of 55 (a message asking twice, once reported, refused), for one of the engineer's checks.

// Greetings and sign-offs at the start or end of a sentence; they say nothing about the topic.
const GREETING =
  /^(?:(?:hi|hello|hey|hiya|morning|good (?:morning|afternoon|evening)|嗨|哈喽|哈啰|你好|您好|大家好|各位好?|早上好|上午好|中午好|下午好|晚上好|早安|早)(?=[\s～~!！,，。.]|$)[\s～~!！,，。.]*)+/i;
const SIGN_OFF =
  /(?:(?:^|[\s,，。.!！]+)(?:thanks|thank you|thx|ty|cheers|多谢|谢谢|感谢|辛苦了?|麻烦了|拜托了?)(?: (?:a lot|in advance|all))?[\s～~!！。.]*)+$/i;

// Who asked, at the head of a question sentence ("有个海外客户问我…", "a client asked me whether…"). Bounded
// repetitions only: a message is read up to its length limit, and this runs on every question sentence.
const ASKER =
  /^(?:[^，。？?！!]{0,20}?(?:客户|同事|老板|领导|朋友|用户|对方|有人|客人)[^，。？?！!]{0,10}?问(?:我|了|道|一下)?[:：,，\s]*|.{0,40}?\b(?:customer|client|colleague|boss|someone|user)s?\b.{0,20}?\bask(?:ed|s|ing)?\b(?: me| us)?[:,\s]*)/i;

/** True when a message reads as a question: a question mark, a Chinese question word, or an English question opening. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  return QUESTION_MARK.test(trimmed) || CHINESE_CUES.test(trimmed) || ENGLISH_START.test(trimmed);
}

/** Removes Slack's markup (mentions, channel and URL links, emoji shortcodes) and code, keeping link labels. */
export function stripMarkup(text: string): string {
  return text
    .replace(CODE_BLOCK, ' ')
    .replace(INLINE_CODE, ' ')
    .replace(SLACK_LINK, (_m, _url: string, label: string | undefined) => ` ${label ?? ''} `)
    .replace(SLACK_MARKUP, ' ')
    .replace(EMOJI_CODE, ' ')
    .replace(PLAIN_MENTION, '$1 ');
}

/**
 * Splits a message into its parts: `>` lines and longer quotations become quotes, every other
 * sentence a question (when it reads as one) or context. A message with no sentence that reads as a
 * question is all question: a terse "备案号 注销" is what was asked.
 */
export function readMessage(message: string, splitClauses = true): MessagePart[] {
  const parts: MessagePart[] = [];
  const plain: string[] = [];
  for (const line of stripMarkup(message.slice(0, MAX_MESSAGE_LENGTH)).split('\n')) {
    const quoted = /^\s*(?:>|&gt;)\s?(.*)$/.exec(line);
    if (quoted) pushPart(parts, quoted[1] ?? '', 'quote');
    else plain.push(line);
  }
  const rest = plain.join('\n').replace(QUOTED, (whole, inner: string) => {
    if (inner.trim().length < MIN_QUOTE_LENGTH) return whole;
    pushPart(parts, inner, 'quote');
    return '\n';
  });
  const sentences = rest
    .split(SENTENCE_END)
    .map(tidySentence)
    .filter((s) => s !== '');
  const anyQuestion = sentences.some(looksLikeQuestion);
  for (const sentence of sentences) {
    if (!anyQuestion) pushPart(parts, sentence, 'question');
    else if (!looksLikeQuestion(sentence)) pushPart(parts, sentence, 'context');
    else pushClauses(parts, withoutAsker(parts, sentence), splitClauses);
  }
  if (!parts.some((p) => p.role === 'question')) {
    // Only quotes: the quoted words are what is asked about.
    for (const p of parts) p.role = 'question';
  }
  return parts;
}

// Who asked, at the head of a question sentence, is context ("有个海外客户问我", "a client asked me"): the asker's
// words (海外, an overseas customer) are not what is asked. Returns the rest of the sentence.
function withoutAsker(parts: MessagePart[], sentence: string): string {
  const asker = ASKER.exec(sentence)?.[0];
  if (asker === undefined || asker.length >= sentence.length) return sentence;
  pushPart(parts, asker, 'context');
  return sentence.slice(asker.length);
}

// In a long question sentence, the clauses that ask are the question; the others tell the situation.
function pushClauses(parts: MessagePart[], sentence: string, split: boolean): void {
  const clauses = sentence.split(CLAUSE_END);
  if (!split || clauses.length < 3) {
    pushPart(parts, sentence, 'question');
    return;
  }
  for (const c of clauses) pushPart(parts, c, looksLikeQuestion(c) ? 'question' : 'context');
}

function tidySentence(sentence: string): string {
  return sentence.trim().replace(GREETING, '').replace(SIGN_OFF, '').trim();
}

/**
 * What a message asks, as the matcher reads it: its question sentences and the text it quotes, in order, without the
 * mentions, greetings and context around them ("I'm in sales, a client asked me…"). Used where a message becomes a
 * question of the knowledge base (a captured FAQ, an alternate learned from traffic).
 */
export function askedText(message: string): string {
  return readMessage(message, false)
    .filter((p) => p.role !== 'context')
    .map((p) => p.text)
    .join(' ')
    .trim();
}

function pushPart(parts: MessagePart[], text: string, role: PartRole): void {
  const tidy = tidySentence(text);
  if (/[\p{L}\p{N}]/u.test(tidy)) parts.push({ text: tidy, role });
}
