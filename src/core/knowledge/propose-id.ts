import { GLOSSARY, type GlossaryTerm } from './glossary.js';

// At most this many words make an id (unless its first two terms are longer): enough to tell questions apart.
const MAX_WORDS = 4;
// English filler that makes ids longer without making them easier to recognise.
const STOP_WORDS = new Set(
  'a an the is are was do does my i to of for in it how what why when where which who can should will would could'.split(
    ' ',
  ),
);
// The knowledge README asks for 2–8 tags.
const MAX_TAGS = 8;

/** The glossary terms found in `text`, in reading order, each match taking the longest term at its position. */
function findTerms(text: string): { at: number; term: GlossaryTerm }[] {
  const found: { at: number; term: GlossaryTerm }[] = [];
  let i = 0;
  while (i < text.length) {
    const term = GLOSSARY.find((t) => text.startsWith(t.text, i));
    if (term) found.push({ at: i, term });
    i += term ? term.text.length : 1;
  }
  return found;
}

/** The slugs an id for `text` may use, salient first: concepts, then weak words (备案), then question words. */
function idWords(text: string): string[] {
  const found = findTerms(text).map(({ at, term }) => ({
    at,
    end: at + term.text.length,
    slug: term.slug,
    rank: rankOf(term),
  }));
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*|\d+/g)) {
    const word = m[0].toLowerCase();
    const inTerm = found.some((f) => f.at <= m.index && m.index < f.end);
    if (!STOP_WORDS.has(word) && !inTerm && /[a-z]/.test(word))
      found.push({ at: m.index, end: m.index, slug: word, rank: 0 });
  }
  const ordered = found.sort((a, b) => a.rank - b.rank || a.at - b.at).map((f) => f.slug);
  const concepts = found.filter((f) => f.rank === 0).length;
  // 备案 says nothing on a filing FAQ unless it is all there is.
  const salient = concepts > 0 ? ordered.filter((slug) => !WEAK.has(slug) || concepts < 2) : ordered;
  const words = new Set<string>();
  // Each slug once, and no slug that adds only words already in the id (icp-number after icp).
  return salient.filter((slug) => {
    const fresh = slug.split('-').some((w) => !words.has(w));
    for (const w of slug.split('-')) words.add(w);
    return fresh;
  });
}

const WEAK = new Set(GLOSSARY.filter((t) => t.kind === 'weak').map((t) => t.slug));

function rankOf(term: GlossaryTerm): number {
  return term.kind === 'weak' ? 1 : term.kind === 'question' ? 2 : 0;
}

/** A short stable hash of `text` in base 36, for ids the glossary cannot tell apart. */
function shortHash(text: string): string {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h.toString(36).slice(0, 5);
}

/**
 * A short kebab-case id for a question from its salient terms (备案密码 → filing-password, 验证 → verify), unique
 * against `taken` (which it extends): a clash first takes in more of the question's terms, then a short hash of the
 * question, never a counter. A question the glossary knows nothing of gets `q-` and its hash.
 */
export function proposeId(title: string, taken: Set<string>): string {
  const slugs = idWords(title);
  const candidates: string[] = [];
  for (let n = Math.min(2, slugs.length); n <= slugs.length; n += 1) {
    const id = slugs.slice(0, n).join('-');
    if (n > 0 && (candidates.length === 0 || id.split('-').length <= MAX_WORDS)) candidates.push(id);
  }
  const base = candidates.at(-1) ?? 'q';
  let id = candidates.find((c) => !taken.has(c)) ?? `${base}-${shortHash(title)}`;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${shortHash(`${title}#${n}`)}`;
  taken.add(id);
  return id;
}

/** Tags for a question: each recognised domain term in Chinese and English, in order, each once. */
export function proposeTags(text: string): string[] {
  const terms = findTerms(text).filter(({ term }) => term.tag);
  // 备案 tags every filing question alike; it is kept only when nothing else is found.
  const salient = terms.some(({ term }) => term.kind !== 'weak')
    ? terms.filter(({ term }) => term.kind !== 'weak')
    : terms;
  const tags = salient.flatMap(({ term }) => (term.tag ? [term.text, term.tag] : []));
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/**
 * The topic `text` gives real evidence of, or null: only terms that name a topic outright (空壳主体, 有效期, 注销)
 * count, and the longest (most specific) wins: 空壳主体 over 注销.
 */
export function proposeTopic(text: string): string | null {
  let best: GlossaryTerm | null = null;
  for (const { term } of findTerms(text)) {
    if (term.topic && (best === null || term.text.length > best.text.length)) best = term;
  }
  return best?.topic ?? null;
}
