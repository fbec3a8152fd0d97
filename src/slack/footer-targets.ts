import type { Catalogue } from './messages/catalogue.js';

/** Most targets one `/footer-check` may name. */
export const MAX_TARGETS = 10;

/** The targets of a `/footer-check`, or the sentence saying what is wrong with them. */
export type ParsedTargets = { ok: true; targets: string[] } | { ok: false; error: string };

/**
 * Reads targets from slash-command text. Slack turns typed URLs into `<https://x|x>`; those are unwrapped.
 * Duplicates are dropped.
 */
export function parseFooterTargets(text: string, command: string, t: Catalogue): ParsedTargets {
  const targets = [
    ...new Set(
      text
        .split(/[\s,，]+/)
        .map(unwrapSlackLink)
        .filter((t) => t !== ''),
    ),
  ];
  if (targets.length === 0) {
    return { ok: false, error: t.noTargets(command) };
  }
  if (targets.length > MAX_TARGETS) {
    return { ok: false, error: t.tooManyTargets(MAX_TARGETS, targets.length) };
  }
  return { ok: true, targets };
}

function unwrapSlackLink(token: string): string {
  const match = /^<([^|>]+)(\|[^>]*)?>$/.exec(token);
  if (!match?.[1]) return token;
  return match[1].startsWith('mailto:') ? '' : match[1];
}

const SLACK_LINK = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gi;

/** The web sites a Slack message links to (`<https://x|x>`), first ones first, at most MAX_TARGETS, no repeats. */
export function linkedSites(text: string): string[] {
  const urls = [...text.matchAll(SLACK_LINK)].map((m) => m[1] as string);
  return [...new Set(urls)].slice(0, MAX_TARGETS);
}
