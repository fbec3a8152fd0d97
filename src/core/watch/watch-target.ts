import { parseTarget } from '../footer/fetch/target.js';

/**
 * The key a watch is stored under: the target as given, checked the way `beian check` checks it (a
 * TargetError says what is wrong), with a bare domain lower-cased and its trailing slash dropped.
 */
export function normaliseWatchTarget(raw: string): string {
  const { input } = parseTarget(raw);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return input;
  const bare = input.replace(/\/+$/, '');
  return bare.includes('/') ? bare : bare.toLowerCase();
}
