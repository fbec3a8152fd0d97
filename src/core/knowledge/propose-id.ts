/**
 * Domain terms the importer recognises in a question, longest first so 备案号 wins over 备案.
 * `slug` goes into proposed ids; `tag` (when set) becomes a draft tag; `topic` guesses the topic.
 */
interface Term {
  text: string;
  slug: string;
  tag?: string;
  topic?: string;
}

const TERMS: readonly Term[] = [
  { text: '空壳网站', slug: 'shell-site', tag: 'shell site', topic: 'shell-sites' },
  { text: '空壳主体', slug: 'shell-entity', tag: 'shell entity', topic: 'shell-entities' },
  { text: '备案成功', slug: 'after-filing', tag: 'after filing', topic: 'after-filing' },
  { text: '备案证书', slug: 'filing-certificate', tag: 'certificate', topic: 'certificates' },
  { text: '公安备案', slug: 'psb-filing', tag: 'public security filing', topic: 'after-filing' },
  { text: '注意事项', slug: 'checklist' },
  { text: '处理方法', slug: 'fix' },
  { text: '备案号', slug: 'icp-number', tag: 'ICP number' },
  { text: '有效期', slug: 'validity', tag: 'validity', topic: 'validity' },
  { text: '什么是', slug: 'what-is' },
  { text: '为什么', slug: 'why' },
  { text: '新购买', slug: 'new' },
  { text: '在哪里', slug: 'where' },
  { text: '注销', slug: 'cancel', tag: 'cancellation', topic: 'cancellation' },
  { text: '恢复', slug: 'restore', tag: 'restore' },
  { text: '证书', slug: 'certificate', tag: 'certificate', topic: 'certificates' },
  { text: '过期', slug: 'expiry', tag: 'expiry', topic: 'validity' },
  { text: '域名', slug: 'domain', tag: 'domain' },
  { text: '展示', slug: 'display', tag: 'display', topic: 'display' },
  { text: '悬挂', slug: 'display', tag: 'display', topic: 'display' },
  { text: '使用', slug: 'usage', topic: 'display' },
  { text: '要求', slug: 'requirements' },
  { text: '影响', slug: 'impact' },
  { text: '管局', slug: 'bureau', tag: 'communications bureau' },
  { text: '接入', slug: 'access', tag: 'access provider' },
  { text: '解析', slug: 'dns', tag: 'DNS' },
  { text: '变更', slug: 'change', tag: 'change filing' },
  { text: '获取', slug: 'get' },
  { text: '如何', slug: 'how' },
  { text: '怎么', slug: 'how' },
  { text: '处理', slug: 'handle' },
  { text: '备案', slug: 'filing', tag: 'filing' },
];

const MAX_PARTS = 4;
// English filler that makes ids longer without making them easier to recognise.
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'do',
  'does',
  'my',
  'i',
  'to',
  'of',
  'for',
  'in',
  'it',
]);
// The knowledge README asks for 2–8 tags.
const MAX_TAGS = 8;

/** The domain terms found in `text`, in reading order, each match taking the longest term at its position. */
function findTerms(text: string): Term[] {
  const found: Term[] = [];
  let i = 0;
  while (i < text.length) {
    const term = TERMS.find((t) => text.startsWith(t.text, i));
    if (term) found.push(term);
    i += term ? term.text.length : 1;
  }
  return found;
}

/** The words of an id for `text`: mapped Chinese terms and ASCII words, in order, each word once. */
function idWords(text: string): string[] {
  const parts: { at: number; slug: string }[] = [];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)) {
    const word = m[0].toLowerCase();
    if (!STOP_WORDS.has(word)) parts.push({ at: m.index, slug: word });
  }
  let i = 0;
  while (i < text.length) {
    const term = TERMS.find((t) => text.startsWith(t.text, i));
    if (term) parts.push({ at: i, slug: term.slug });
    i += term ? term.text.length : 1;
  }
  const slugs = parts
    .sort((a, b) => a.at - b.at)
    .map((p) => p.slug)
    .slice(0, MAX_PARTS);
  return [...new Set(slugs.flatMap((s) => s.split('-')))];
}

/**
 * A readable kebab-case id for a question, unique against `taken` (which it extends): domain terms
 * mapped to English (备案号 → icp-number), else `faq-N`; a clash gets `-2`, `-3`, ….
 */
export function proposeId(title: string, taken: Set<string>, fallbackNumber: number): string {
  const words = idWords(title);
  const base = words.length > 0 ? words.join('-') : `faq-${fallbackNumber}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Tags for a question: each recognised domain term in Chinese and English, in order, each once. */
export function proposeTags(text: string): string[] {
  const tags = findTerms(text).flatMap((t) => (t.tag ? [t.text, t.tag] : []));
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

/** The topic `text` suggests, or null; the longest (most specific) topical term wins: 空壳主体 over 注销. */
export function proposeTopic(text: string): string | null {
  const topical = findTerms(text).filter((t) => t.topic);
  return (
    topical.reduce<Term | null>((best, t) => (best && best.text.length >= t.text.length ? best : t), null)?.topic ??
    null
  );
}
