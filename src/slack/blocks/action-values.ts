import type { Lang } from '../messages/catalogue.js';
import type { AnswerVariant } from './answer.js';

/** What the "中文 / English" toggle carries: which answer, in which variant, to show in which language. */
export interface ToggleValue {
  entryId: string;
  variant: AnswerVariant;
  lang: Lang;
  /** Where an ephemeral answer's "Share in thread" posts. */
  shareTo?: ShareTarget;
  /** Who shared a shared answer, so the toggled message still says so. */
  sharedBy?: string;
}

/** A thread an answer is shared into. */
export interface ShareTarget {
  channel: string;
  threadTs: string;
}

/** What "Share in channel / thread" carries: the entry, the language it was read in, and the thread to share into. */
export interface ShareValue {
  entryId: string;
  lang?: Lang;
  shareTo?: ShareTarget;
}

/** What a native feedback button carries: which way, for which entry. */
export interface FeedbackValue {
  value: 'helpful' | 'not-helpful';
  entryId: string;
}

const VARIANTS = new Set<string>(['reply', 'ephemeral', 'triage', 'shared']);
const LANGS = new Set<string>(['zh-CN', 'en']);

/** Encodes a toggle button's value. */
export function encodeToggle(value: ToggleValue): string {
  return JSON.stringify({ e: value.entryId, v: value.variant, l: value.lang, s: value.shareTo, b: value.sharedBy });
}

/** Reads a toggle button's value; null when it is not one this app wrote. */
export function decodeToggle(raw: string | undefined): ToggleValue | null {
  const data = parseObject(raw);
  if (!data || typeof data.e !== 'string' || !VARIANTS.has(String(data.v)) || !LANGS.has(String(data.l))) return null;
  return {
    entryId: data.e,
    variant: data.v as AnswerVariant,
    lang: data.l as Lang,
    ...shareTargetOf(data.s),
    ...(typeof data.b === 'string' ? { sharedBy: data.b } : {}),
  };
}

/** Encodes a share button's value. */
export function encodeShare(value: ShareValue): string {
  return JSON.stringify({ e: value.entryId, l: value.lang, s: value.shareTo });
}

/** Reads a share button's value; a bare entry id (answers posted before languages) is accepted too. */
export function decodeShare(raw: string | undefined): ShareValue | null {
  if (!raw) return null;
  const data = parseObject(raw);
  if (!data) return raw.startsWith('{') ? null : { entryId: raw };
  if (typeof data.e !== 'string') return null;
  return {
    entryId: data.e,
    ...(LANGS.has(String(data.l)) ? { lang: data.l as Lang } : {}),
    ...shareTargetOf(data.s),
  };
}

function shareTargetOf(raw: unknown): { shareTo?: ShareTarget } {
  const s = raw as { channel?: unknown; threadTs?: unknown } | undefined;
  if (typeof s?.channel !== 'string' || typeof s.threadTs !== 'string') return {};
  return { shareTo: { channel: s.channel, threadTs: s.threadTs } };
}

/** Encodes a native feedback button's value. */
export function encodeFeedback(value: FeedbackValue): string {
  return `${value.value}:${value.entryId}`;
}

/** Reads a native feedback button's value; null when it is not one this app wrote. */
export function decodeFeedback(raw: string | undefined): FeedbackValue | null {
  const match = /^(helpful|not-helpful):(.+)$/s.exec(raw ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { value: match[1] as FeedbackValue['value'], entryId: match[2] };
}

function parseObject(raw: string | undefined): Record<string, unknown> | null {
  if (!raw?.startsWith('{')) return null;
  try {
    const data: unknown = JSON.parse(raw);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
