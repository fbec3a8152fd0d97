import type { NumberSighting } from '../read/locate-number.js';
import { type IcpSighting, isIcpSighting, isPsbSighting, type PsbSighting } from './context.js';
import { linksToMiit, psbPlatformOf } from './judge-link.js';

const KIND_RANK = { 备: 2, 证: 1, B2: 0 } as const;

// Higher is better, compared key by key: linked to MIIT, a real filing, in the footer, 备 before 证 before B2, linked.
function icpScore(s: IcpSighting, pageUrl: string): number[] {
  const m = s.match;
  const real = m.provinceStatus !== 'vanity' && m.provinceStatus !== 'missing' && !m.placeholder;
  return [
    linksToMiit(s.links, pageUrl) ? 1 : 0,
    real ? 1 : 0,
    s.position.inFooter ? 1 : 0,
    KIND_RANK[m.kind],
    s.links.length > 0 ? 1 : 0,
  ];
}

function psbScore(s: PsbSighting, pageUrl: string): number[] {
  const platform = s.links.some((l) => l.href !== null && psbPlatformOf(l.href, pageUrl) !== null);
  return [s.match.code.length === 14 ? 1 : 0, platform ? 1 : 0, s.position.inFooter ? 1 : 0];
}

function best<T>(items: T[], score: (item: T) => number[]): T | null {
  let winner: T | null = null;
  let winnerScore: number[] = [];
  for (const item of items) {
    const itemScore = score(item);
    const better = itemScore.findIndex((v, i) => v !== (winnerScore[i] ?? -1));
    if (winner === null || (better >= 0 && (itemScore[better] ?? 0) > (winnerScore[better] ?? 0))) {
      winner = item;
      winnerScore = itemScore;
    }
  }
  return winner;
}

/** The numbers a page is judged by. */
export interface SelectedNumbers {
  icp: IcpSighting | null;
  psb: PsbSighting | null;
}

/** Picks the footer ICP number linked to MIIT (else the best candidate) and the public-security number. */
export function selectNumbers(sightings: NumberSighting[], pageUrl: string): SelectedNumbers {
  const icp = best(sightings.filter(isIcpSighting), (s) => icpScore(s, pageUrl));
  const psb = best(sightings.filter(isPsbSighting), (s) => psbScore(s, pageUrl));
  return { icp, psb };
}
