import type { Page } from 'playwright-core';
import { normaliseText } from '../../text/normalise.js';
import { findNumbers, MIGHT_HOLD_NUMBER_RAW, mightHoldNumberRaw } from '../numbers.js';
import { judgeMiitHref } from '../rules/judge-link.js';
import type { FooterScreenshot } from '../types.js';

/** Largest picture kept, in bytes: a JPEG of the clipped footer is usually 20–80 KB; past this it is left out. */
export const MAX_SCREENSHOT_BYTES = 300 * 1024;
/** The clip is at most this tall (CSS pixels), centred on the number, so a giant footer stays a strip. */
export const MAX_CLIP_HEIGHT = 480;
/** Room kept above and below the outlined number and link. */
const MARGIN = 32;
/** The clip is at least this tall, so the number is seen with some of its footer. */
const MIN_CLIP_HEIGHT = 160;
/** When no number is found, the bottom of the page this tall is taken: where a footer would be. */
const BOTTOM_STRIP = 300;
/** Elements the page script hands back at most (a page with thousands of links would otherwise send them all). */
const MAX_CANDIDATES = 2000;
const QUALITIES = [75, 45] as const;

/** A visible element the page script found: its text (up to 300 characters), box, and link. */
export interface ShotCandidate {
  index: number;
  text: string;
  /** Document coordinates, CSS pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** The element's own href (an `<a>`), else null. */
  href: string | null;
  /** The index of its closest `<a href>` (itself for an anchor), or -1. */
  anchor: number;
}

/** What to clip and outline: indices of the number's element and of its MIIT link (-1: none). */
export interface ShotPlan {
  clip: { x: number; y: number; width: number; height: number };
  icp: number;
  link: number;
}

// Kept as source, not a function: tsx/esbuild may wrap functions in helpers that do not exist in the page.
// The prefilter is numbers.ts's own, so what the page sends back is what the grammar could read.
const CANDIDATES_SCRIPT = `((max, might) => {
  const out = [];
  const indexOf = new Map();
  const all = document.querySelectorAll('[data-beian-box], a[href]');
  for (const el of all) {
    if (out.length >= max) break;
    if (el.closest('[data-beian-hidden]')) continue;
    const text = (el.textContent || '').trim();
    const isAnchor = el.tagName === 'A' && el.hasAttribute('href');
    if (!isAnchor && (text.length > 300 || !might.test(text))) continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height === 0) continue;
    const index = out.length;
    el.setAttribute('data-beian-shot', String(index));
    indexOf.set(el, index);
    out.push({
      index,
      text: text.slice(0, 300),
      box: { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height },
      href: isAnchor ? el.getAttribute('href') : null,
      anchorEl: el.closest('a[href]'),
    });
  }
  return out.map(({ anchorEl, ...rest }) => ({ ...rest, anchor: anchorEl && indexOf.has(anchorEl) ? indexOf.get(anchorEl) : -1 }));
})`;

const OUTLINE_SCRIPT = `(([icp, link]) => {
  const mark = (i, style) => {
    const el = document.querySelector('[data-beian-shot="' + i + '"]');
    if (!el) return;
    el.style.setProperty('outline', style, 'important');
    el.style.setProperty('outline-offset', '2px', 'important');
  };
  if (link >= 0) mark(link, '3px solid #2eb67d');
  if (icp >= 0) mark(icp, '3px solid #e01e5a');
})`;

/**
 * Plans the picture: the smallest visible element whose text holds an ICP number (by the one grammar), its MIIT
 * link (its own anchor when that links to MIIT, else the nearest MIIT link), and a clip around both, the page's
 * width wide and at most MAX_CLIP_HEIGHT tall. Without a number, the bottom strip of the page.
 */
export function planFooterShot(
  candidates: readonly ShotCandidate[],
  pageUrl: string,
  page: { width: number; height: number },
): ShotPlan {
  const width = Math.max(1, Math.round(page.width));
  const icp = smallest(candidates.filter((c) => holdsIcpNumber(c.text)));
  if (icp === undefined) {
    const height = Math.min(BOTTOM_STRIP, page.height);
    return { clip: { x: 0, y: Math.max(0, page.height - height), width, height }, icp: -1, link: -1 };
  }
  const link = miitLinkFor(icp, candidates, pageUrl);
  const boxes = link ? [icp.box, link.box] : [icp.box];
  const top = Math.min(...boxes.map((b) => b.y)) - MARGIN;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN;
  const centre = icp.box.y + icp.box.height / 2;
  let height = Math.max(MIN_CLIP_HEIGHT, bottom - top);
  let y = height === bottom - top ? top : centre - height / 2;
  if (height > MAX_CLIP_HEIGHT) {
    height = MAX_CLIP_HEIGHT;
    y = centre - height / 2;
  }
  y = Math.max(0, Math.min(y, page.height - height));
  return {
    clip: { x: 0, y: Math.round(y), width, height: Math.round(Math.min(height, page.height)) },
    icp: icp.index,
    link: link?.index ?? -1,
  };
}

function holdsIcpNumber(text: string): boolean {
  if (!mightHoldNumberRaw(text)) return false;
  return findNumbers(normaliseText(text)).some((match) => match.type === 'icp');
}

function smallest(candidates: readonly ShotCandidate[]): ShotCandidate | undefined {
  let best: ShotCandidate | undefined;
  for (const c of candidates) {
    if (best === undefined || c.box.width * c.box.height < best.box.width * best.box.height) best = c;
  }
  return best;
}

function miitLinkFor(icp: ShotCandidate, candidates: readonly ShotCandidate[], pageUrl: string) {
  const isMiit = (c: ShotCandidate | undefined) => c?.href != null && judgeMiitHref(c.href, pageUrl).status !== 'wrong';
  const own = candidates[icp.anchor];
  if (icp.anchor >= 0 && isMiit(own)) return own;
  const centre = (c: ShotCandidate) => c.box.y + c.box.height / 2;
  const links = candidates.filter(isMiit);
  links.sort((a, b) => Math.abs(centre(a) - centre(icp)) - Math.abs(centre(b) - centre(icp)));
  return links[0];
}

/**
 * Takes the footer picture of a loaded, annotated page: outlines the ICP number (red) and its MIIT link (green),
 * then a JPEG of the clip, made smaller if needed; null when even that is over MAX_SCREENSHOT_BYTES.
 */
export async function takeFooterScreenshot(page: Page, timeoutMs: number): Promise<FooterScreenshot | null> {
  const started = Date.now();
  const candidates = (await page.evaluate(
    `${CANDIDATES_SCRIPT}(${MAX_CANDIDATES}, ${mightHoldNumberPattern()})`,
  )) as ShotCandidate[];
  const size = (await page.evaluate(
    '({ width: document.documentElement.clientWidth || window.innerWidth, height: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0) })',
  )) as { width: number; height: number };
  const plan = planFooterShot(candidates, page.url(), size);
  await page.evaluate(`${OUTLINE_SCRIPT}([${plan.icp}, ${plan.link}])`);
  // Scrolled to the clip and taken from the viewport: a full-page capture of a long page costs a second or more.
  const scrolled = Number(await page.evaluate(`window.scrollTo(0, ${plan.clip.y}), window.scrollY`));
  const clip = { ...plan.clip, y: plan.clip.y - scrolled };
  for (const quality of QUALITIES) {
    const bytes = await page.screenshot({
      type: 'jpeg',
      quality,
      clip,
      scale: 'css',
      animations: 'disabled',
      timeout: Math.max(1, timeoutMs - (Date.now() - started)),
    });
    if (bytes.length <= MAX_SCREENSHOT_BYTES) {
      return {
        type: 'jpeg',
        bytes: new Uint8Array(bytes),
        width: plan.clip.width,
        height: plan.clip.height,
        region: plan.clip,
        outlined: { icp: plan.icp >= 0, link: plan.link >= 0 },
      };
    }
  }
  return null;
}

// numbers.ts's raw prefilter, written into the page script as a constructor call.
function mightHoldNumberPattern(): string {
  return `new RegExp(${JSON.stringify(MIGHT_HOLD_NUMBER_RAW.source)}, ${JSON.stringify(MIGHT_HOLD_NUMBER_RAW.flags)})`;
}
