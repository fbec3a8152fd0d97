import { questionKey } from '../knowledge/parse-knowledge-file.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { analyseText } from '../match/analyse-text.js';
import { askedText, stripMarkup } from '../match/read-message.js';
import { normaliseText } from '../text/normalise.js';
import type { AskedEvent, TrafficEvent } from './traffic.js';

/** A 👍 / 👎 / ✅ / 🙋 on an entry (the store's feedback record has this shape). */
export interface FeedbackEvent {
  at: string;
  user: string;
  channel: string | null;
  entryId: string;
  value: 'helpful' | 'not-helpful' | 'solved' | 'need-person';
}

/** A question the bot did not answer (the store's unanswered record has this shape). */
export interface UnansweredQuestion {
  at: string;
  user: string;
  question: string;
  bestEntryId: string | null;
}

/** What the review list is built from. */
export interface SuggestInput {
  kb: KnowledgeBase;
  traffic: readonly TrafficEvent[];
  feedback: readonly FeedbackEvent[];
  unanswered: readonly UnansweredQuestion[];
}

/** How evidence is read; every field has a default in {@link DEFAULT_SUGGEST_OPTIONS}. */
export interface SuggestOptions {
  /** A click or feedback counts for the same person's question asked at most this long before. */
  windowMs: number;
  /** An answer below this confidence that the person then confirmed (👍, ✅) still teaches an alternate. */
  unsureBelow: number;
  /** Two new questions for one entry whose term sets overlap this much (Jaccard) count once. */
  duplicateSimilarity: number;
  /** Unanswered questions overlapping this much join one cluster. */
  clusterSimilarity: number;
  /** A cluster of unanswered questions becomes a candidate entry when this many people asked it. */
  minPeople: number;
  /** An entry is listed as troubled with at least this many 👎 and 🙋 together. */
  minNegative: number;
  /** Longer questions are not proposed as alternates: they are conversations, not phrasings. */
  maxQuestionChars: number;
}

/** The defaults, each with its reason. */
export const DEFAULT_SUGGEST_OPTIONS: Readonly<SuggestOptions> = Object.freeze({
  // Long enough to read an answer and the suggestions, short enough that the next question is a new one.
  windowMs: 30 * 60_000,
  // Below this the matcher's calibrated confidence is a coin toss or worse; a confirmation there is news.
  unsureBelow: 0.7,
  // Same words, different punctuation or one filler word: one phrasing.
  duplicateSimilarity: 0.8,
  // Half the terms shared: the same need worded differently, as people at a help desk would group them.
  clusterSimilarity: 0.5,
  // The "at least two people": one person asking twice is not a gap in the knowledge base.
  minPeople: 2,
  minNegative: 2,
  // Longer messages carry their context (who asks, what happened) into the entry's words: replaying slack-more.jsonl's
  // tune split, 300 kept holdout top-1 but let slack-dev.jsonl drop 0.836 -> 0.827; 80 keeps both.
  maxQuestionChars: 80,
});

/** How a person showed that an entry answered their question. */
export type Resolution = 'picked' | 'helpful' | 'solved';

/** A new alternate question proposed for an entry. */
export interface AlternateSuggestion {
  /** Stable across runs (entry and question), for `--only`. */
  key: string;
  entryId: string;
  /** The entry's file, relative to the knowledge folder. */
  file: string;
  /** The phrasing to add (the most often asked of its near-duplicates). */
  question: string;
  /** How many different people asked it (near-duplicates included). */
  people: number;
  /** The near-duplicates it stands for, itself first. */
  examples: readonly string[];
  via: readonly Resolution[];
}

/** Similar unanswered questions: a candidate new entry. */
export interface CandidateEntry {
  question: string;
  count: number;
  people: number;
  examples: readonly string[];
  /** The entry the matcher found nearest most often (not good enough to answer). */
  nearestEntryId: string | null;
}

/** An entry people often mark 👎 or escalate from, with the questions that led there. */
export interface TroubledEntry {
  entryId: string;
  title: string;
  file: string;
  notHelpful: number;
  needPerson: number;
  helpful: number;
  solved: number;
  questions: readonly string[];
}

/** The review list of `beian kb suggest`. */
export interface SuggestReport {
  alternates: AlternateSuggestion[];
  candidates: CandidateEntry[];
  troubled: TroubledEntry[];
}

interface Evidence {
  asked: AskedEvent | null;
  entryId: string;
  user: string;
  value: Resolution | 'not-helpful' | 'need-person';
}

/** Reads traffic and feedback into a review list: alternates per entry, candidate entries, troubled entries. */
export function suggestFromTraffic(input: SuggestInput, options: Partial<SuggestOptions> = {}): SuggestReport {
  const o = { ...DEFAULT_SUGGEST_OPTIONS, ...options };
  const evidence = joinEvidence(input, o.windowMs);
  const resolved = new Set<AskedEvent>();
  for (const e of evidence) if (e.asked && isResolution(e.value)) resolved.add(e.asked);
  return {
    alternates: proposeAlternates(input.kb, evidence, o),
    candidates: clusterUnanswered(input.unanswered, resolved, o),
    troubled: findTroubled(input, evidence, o),
  };
}

function isResolution(value: Evidence['value']): value is Resolution {
  return value === 'picked' || value === 'helpful' || value === 'solved';
}

// Each click or feedback is tied to the latest question the same person asked shortly before that showed the entry
// (in the same thread when both know theirs): that question is what the person was resolving.
function joinEvidence(input: SuggestInput, windowMs: number): Evidence[] {
  type Step = { at: number; asked?: AskedEvent; act?: Omit<Evidence, 'asked'> & { thread: string | null } };
  const steps: Step[] = [];
  for (const event of input.traffic) {
    const at = Date.parse(event.at);
    if (event.kind === 'asked') steps.push({ at, asked: event });
    else steps.push({ at, act: { entryId: event.entryId, user: event.user, value: 'picked', thread: event.thread } });
  }
  for (const f of input.feedback) {
    steps.push({ at: Date.parse(f.at), act: { entryId: f.entryId, user: f.user, value: f.value, thread: null } });
  }
  // Stable: an event and the click it caused may share a millisecond; the question came first.
  steps.sort((a, b) => a.at - b.at);
  const recent = new Map<string, { at: number; asked: AskedEvent }[]>();
  const evidence: Evidence[] = [];
  for (const step of steps) {
    if (step.asked) {
      const list = recent.get(step.asked.user) ?? [];
      list.push({ at: step.at, asked: step.asked });
      recent.set(step.asked.user, list);
      continue;
    }
    const act = step.act;
    if (!act) continue;
    const asked = [...(recent.get(act.user) ?? [])]
      .reverse()
      .find(
        (r) =>
          step.at - r.at <= windowMs &&
          shows(r.asked, act.entryId) &&
          (act.thread === null || r.asked.thread === null || act.thread === r.asked.thread),
      );
    evidence.push({ asked: asked?.asked ?? null, entryId: act.entryId, user: act.user, value: act.value });
  }
  return evidence;
}

function shows(asked: AskedEvent, entryId: string): boolean {
  return asked.answeredEntryId === entryId || asked.suggestionIds.includes(entryId);
}

function teaches(e: Evidence, unsureBelow: number): e is Evidence & { asked: AskedEvent; value: Resolution } {
  if (!e.asked || !isResolution(e.value)) return false;
  return e.asked.answeredEntryId !== e.entryId || e.asked.confidence < unsureBelow;
}

interface Phrasing {
  text: string;
  key: string;
  terms: Set<string>;
  users: Set<string>;
  count: number;
  via: Set<Resolution>;
}

function proposeAlternates(kb: KnowledgeBase, evidence: readonly Evidence[], o: SuggestOptions): AlternateSuggestion[] {
  const known = new Map<string, string>();
  for (const entry of kb.entries) {
    for (const q of [entry.title, ...entry.questions]) known.set(questionKey(q), entry.id);
  }
  const byEntry = new Map<string, Map<string, Phrasing>>();
  for (const e of evidence) {
    if (!teaches(e, o.unsureBelow) || !kb.byId.has(e.entryId)) continue;
    // What the message asks, not the greeting and story around it: a whole Slack message learned as an alternate
    // teaches its entry the context's words too, and pulled other entries' questions to it (learning-loop.test).
    const text = oneLine(askedText(e.asked.question));
    const key = questionKey(text);
    if (text === '' || text.length > o.maxQuestionChars || known.has(key)) continue;
    const phrasings = byEntry.get(e.entryId) ?? new Map<string, Phrasing>();
    byEntry.set(e.entryId, phrasings);
    const p = phrasings.get(key) ?? { text, key, terms: termSet(text), users: new Set(), count: 0, via: new Set() };
    phrasings.set(key, p);
    p.users.add(e.user);
    p.count += 1;
    p.via.add(e.value);
  }
  const proposals: (AlternateSuggestion & { count: number })[] = [];
  for (const [entryId, phrasings] of byEntry) {
    const entry = kb.byId.get(entryId);
    if (!entry) continue;
    for (const group of groupSimilar([...phrasings.values()], o.duplicateSimilarity)) {
      const [first] = group;
      if (!first) continue;
      const users = new Set(group.flatMap((p) => [...p.users]));
      proposals.push({
        key: `${entryId}#${shortHash(first.key)}`,
        entryId,
        file: entry.file,
        question: first.text,
        people: users.size,
        examples: group.map((p) => p.text),
        via: [...new Set(group.flatMap((p) => [...p.via]))],
        count: group.reduce((n, p) => n + p.count, 0),
      });
    }
  }
  return dropConflicts(proposals)
    .sort((a, b) => b.people - a.people || b.count - a.count || a.key.localeCompare(b.key))
    .map(({ count: _count, ...rest }) => rest);
}

// The same question resolved to two entries (two people, two needs): only the entry more people chose gets it,
// since a question may belong to one entry only.
function dropConflicts<T extends { question: string; people: number }>(proposals: T[]): T[] {
  const best = new Map<string, T>();
  for (const p of proposals) {
    const key = questionKey(p.question);
    const seen = best.get(key);
    if (!seen || p.people > seen.people) best.set(key, p);
  }
  return proposals.filter((p) => best.get(questionKey(p.question)) === p);
}

// Greedy: the most asked phrasing leads its group, and each other one joins the first leader it is close enough to.
function groupSimilar(phrasings: Phrasing[], threshold: number): Phrasing[][] {
  const sorted = [...phrasings].sort(
    (a, b) => b.users.size - a.users.size || b.count - a.count || a.text.length - b.text.length,
  );
  const groups: Phrasing[][] = [];
  for (const p of sorted) {
    const group = groups.find((g) => g[0] !== undefined && similarity(g[0].terms, p.terms) >= threshold);
    if (group) group.push(p);
    else groups.push([p]);
  }
  return groups;
}

function clusterUnanswered(
  unanswered: readonly UnansweredQuestion[],
  resolved: ReadonlySet<AskedEvent>,
  o: SuggestOptions,
): CandidateEntry[] {
  const resolvedKeys = new Set([...resolved].map((a) => `${a.user}\n${questionKey(oneLine(a.question))}`));
  type Cluster = {
    lead: Set<string>;
    texts: Map<string, string>;
    users: Set<string>;
    count: number;
    nearest: string[];
  };
  const clusters: Cluster[] = [];
  for (const u of unanswered) {
    const text = oneLine(u.question);
    const key = questionKey(text);
    if (text === '' || resolvedKeys.has(`${u.user}\n${key}`)) continue;
    const terms = termSet(text);
    let cluster = clusters.find((c) => similarity(c.lead, terms) >= o.clusterSimilarity);
    if (!cluster) {
      cluster = { lead: terms, texts: new Map(), users: new Set(), count: 0, nearest: [] };
      clusters.push(cluster);
    }
    if (!cluster.texts.has(key)) cluster.texts.set(key, text);
    cluster.users.add(u.user);
    cluster.count += 1;
    if (u.bestEntryId) cluster.nearest.push(u.bestEntryId);
  }
  return clusters
    .filter((c) => c.users.size >= o.minPeople)
    .map((c) => {
      const examples = [...c.texts.values()];
      return {
        question: examples[0] ?? '',
        count: c.count,
        people: c.users.size,
        examples: examples.slice(0, 5),
        nearestEntryId: mostCommon(c.nearest),
      };
    })
    .sort((a, b) => b.people - a.people || b.count - a.count);
}

function findTroubled(input: SuggestInput, evidence: readonly Evidence[], o: SuggestOptions): TroubledEntry[] {
  const tally = new Map<string, { 'not-helpful': number; 'need-person': number; helpful: number; solved: number }>();
  for (const f of input.feedback) {
    const t = tally.get(f.entryId) ?? { 'not-helpful': 0, 'need-person': 0, helpful: 0, solved: 0 };
    t[f.value] += 1;
    tally.set(f.entryId, t);
  }
  const troubled: TroubledEntry[] = [];
  for (const [entryId, t] of tally) {
    const entry = input.kb.byId.get(entryId);
    if (!entry || t['not-helpful'] + t['need-person'] < o.minNegative) continue;
    const questions = evidence
      .filter((e) => e.entryId === entryId && (e.value === 'not-helpful' || e.value === 'need-person') && e.asked)
      .map((e) => oneLine(e.asked?.question ?? ''));
    troubled.push({
      entryId,
      title: entry.title,
      file: entry.file,
      notHelpful: t['not-helpful'],
      needPerson: t['need-person'],
      helpful: t.helpful,
      solved: t.solved,
      questions: [...new Set(questions)].slice(0, 5),
    });
  }
  const negative = (e: TroubledEntry) => e.notHelpful + e.needPerson;
  return troubled.sort((a, b) => negative(b) - negative(a) || a.helpful + a.solved - (b.helpful + b.solved));
}

/** A question as one line of an entry's `## Questions` list: Slack markup and mentions removed, whitespace collapsed. */
export function oneLine(text: string): string {
  return normaliseText(stripMarkup(text)).replace(/\s+/g, ' ').trim();
}

/** The matcher's terms of a text, as a set. */
export function termSet(text: string): Set<string> {
  return new Set(analyseText(text));
}

/** Jaccard similarity of two term sets (1 for two empty sets). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

// FNV-1a, six hex digits: short enough to type in --only, stable across runs and machines.
function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}
