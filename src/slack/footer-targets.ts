/** Most targets one `/footer-check` may name. */
export const MAX_TARGETS = 10;

/** The targets of a `/footer-check`, or the sentence saying what is wrong with them. */
export type ParsedTargets = { ok: true; targets: string[] } | { ok: false; error: string };

/**
 * Reads targets from slash-command text. Slack turns typed URLs into `<https://x|x>`; those are unwrapped.
 * Duplicates are dropped.
 */
export function parseFooterTargets(text: string, command: string): ParsedTargets {
  const targets = [
    ...new Set(
      text
        .split(/[\s,，]+/)
        .map(unwrapSlackLink)
        .filter((t) => t !== ''),
    ),
  ];
  if (targets.length === 0) {
    return { ok: false, error: `Tell me which site to check, e.g. \`${command} example.com\` (several may follow).` };
  }
  if (targets.length > MAX_TARGETS) {
    return { ok: false, error: `I check at most ${MAX_TARGETS} sites at a time; you gave ${targets.length}.` };
  }
  return { ok: true, targets };
}

function unwrapSlackLink(token: string): string {
  const match = /^<([^|>]+)(\|[^>]*)?>$/.exec(token);
  if (!match?.[1]) return token;
  return match[1].startsWith('mailto:') ? '' : match[1];
}
