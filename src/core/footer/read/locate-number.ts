import type { AnyNode, Element } from 'domhandler';
import { getElementsByTagName, nextElementSibling, prevElementSibling, textContent } from 'domutils';
import type { NumberMatch } from '../numbers.js';
import type { Block, PageModel } from './page-model.js';
import { nodesInRange, rawSlice } from './read-page.js';
import { holdsImage, textLengthOf } from './subtree-facts.js';
import { BLOCK_TAGS } from './visibility.js';

/** A link as the page writes it: `href` trimmed (browsers strip the white space), or only an onclick URL. */
export interface LinkRef {
  href: string | null;
  /** The first http(s) URL in an `onclick` handler on the link or around the number. */
  onclickUrl: string | null;
  /** The link's own visible text, normalised loosely, for messages. */
  text: string;
}

export interface Position {
  inFooter: boolean;
  /** The footer-like element around the number (`<footer>`, `.copyright` …), when there is one. */
  container: Element | null;
  /** Why we think so, for messages: `inside <footer>`, `in a sidebar (<div class="profile">)` … */
  reason: string;
}

/** A box the renderer measured: document coordinates in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One number seen on the page, with what stands around it. */
export interface NumberSighting {
  match: NumberMatch;
  block: Block;
  /** The number as written in the HTML (full-width characters, odd spaces kept). */
  raw: string;
  /** Distinct links that cover the number's characters, in order. */
  links: LinkRef[];
  /** Some characters of the number are outside every link. */
  partlyUnlinked: boolean;
  /** An onclick URL on the number or its inline ancestors, when it has no href link. */
  onclickUrl: string | null;
  /** Links right beside the number (same line or parent level) when none is on it. */
  nearbyLinks: LinkRef[];
  position: Position;
  /** An `<img>` next to the number (the public-security badge). */
  hasImageBeside: boolean;
  /** The renderer's box of the element holding the number, when rendered. */
  box: Box | null;
}

const ONCLICK_URL = /https?:(?:\\?\/){2}[^'"\s)\\]+(?:\\\/[^'"\s)\\]*)*/i;
const FOOTER_NAME = /foot|copy-?right|bottom|btm/i;
const NUMBER_NAME = /beian|icp|record/i;
const SIDE_WORDS = new Set([
  'side',
  'sidebar',
  'aside',
  'header',
  'nav',
  'navbar',
  'navigation',
  'profile',
  'personal',
]);
const SIDE_TAGS = new Set(['header', 'nav', 'aside']);
// How much visible text may follow a number for it still to count as the end of the page.
const TAIL_SHARE = 0.25;
const TAIL_MIN_CHARS = 400;
// A container this large is the page, not the place beside the number.
const BESIDE_MAX_CHARS = 300;

function elementParent(node: AnyNode): Element | null {
  const parent = node.parent;
  return parent !== null && parent.type !== 'root' ? (parent as Element) : null;
}

function ancestors(node: AnyNode): Element[] {
  const list: Element[] = [];
  for (let el = elementParent(node); el !== null; el = elementParent(el)) list.push(el);
  return list;
}

function linkText(element: Element): string {
  return textContent(element).replace(/\s+/g, ' ').trim();
}

function onclickUrlOf(element: Element): string | null {
  const handler = element.attribs.onclick;
  const found = handler === undefined ? null : ONCLICK_URL.exec(handler);
  return found === null ? null : found[0].replaceAll('\\/', '/');
}

// One link may cover thousands of numbers: its text is read once.
const linkRefs = new WeakMap<Element, LinkRef>();

function linkRefOf(anchor: Element): LinkRef {
  const known = linkRefs.get(anchor);
  if (known !== undefined) return known;
  const href = anchor.attribs.href;
  const ref = {
    href: href === undefined ? null : href.trim(),
    onclickUrl: onclickUrlOf(anchor),
    text: linkText(anchor),
  };
  linkRefs.set(anchor, ref);
  return ref;
}

function nearestAnchor(node: AnyNode): Element | null {
  return ancestors(node).find((el) => el.name === 'a') ?? null;
}

function nearestBlock(node: AnyNode): Element | null {
  return ancestors(node).find((el) => BLOCK_TAGS.has(el.name)) ?? null;
}

function onclickAround(node: AnyNode): string | null {
  for (const el of ancestors(node)) {
    if (BLOCK_TAGS.has(el.name) && el.name !== 'li') break;
    const url = onclickUrlOf(el);
    if (url !== null) return url;
  }
  return null;
}

const anchorsBeside = new WeakMap<Element, Element[]>();

// The anchors in a line and the lines just before and after it, found once per line.
function anchorsAround(block: Element): Element[] {
  const known = anchorsBeside.get(block);
  if (known !== undefined) return known;
  const places = [block, prevElementSibling(block), nextElementSibling(block)].filter((n): n is Element => n !== null);
  const anchors = places.flatMap((el) => (el.name === 'a' ? [el] : getElementsByTagName('a', el, true)));
  anchorsBeside.set(block, anchors);
  return anchors;
}

// Links in the number's own line, then in the lines just before and after it.
function linksBeside(node: AnyNode, own: Set<Element>): LinkRef[] {
  const block = nearestBlock(node);
  if (block === null || textLengthOf(block) > BESIDE_MAX_CHARS) return [];
  return anchorsAround(block)
    .filter((a) => !own.has(a))
    .map(linkRefOf);
}

function namesOf(element: Element): string {
  return `${element.attribs.id ?? ''} ${element.attribs.class ?? ''}`;
}

function describe(element: Element): string {
  const id = element.attribs.id === undefined ? '' : ` id="${element.attribs.id}"`;
  const cls = element.attribs.class === undefined ? '' : ` class="${element.attribs.class.trim()}"`;
  return `<${element.name}${id}${cls}>`;
}

function isSideNamed(element: Element): boolean {
  if (SIDE_TAGS.has(element.name)) return true;
  return namesOf(element)
    .split(/[\s_-]+/)
    .some((word) => SIDE_WORDS.has(word.toLowerCase()));
}

function positionOf(node: AnyNode, block: Block, model: PageModel): Position {
  let named: Element | null = null;
  const around = ancestors(node);
  const outermostFooterTag = around.findLastIndex((el) => el.name === 'footer');
  for (const [depth, el] of around.entries()) {
    if (el.name === 'footer') return { inFooter: true, container: el, reason: 'inside <footer>' };
    if (FOOTER_NAME.test(namesOf(el)))
      return { inFooter: true, container: outermostFooter(el), reason: `inside ${describe(el)}` };
    // A <nav> or header inside the <footer> is still the footer.
    if (isSideNamed(el) && outermostFooterTag < depth) {
      return { inFooter: false, container: null, reason: `inside ${describe(el)}, not at the bottom of the page` };
    }
    if (named === null && el.name !== 'a' && NUMBER_NAME.test(namesOf(el))) named = el;
  }
  if (named !== null) return { inFooter: true, container: named, reason: `inside ${describe(named)}` };
  const after = model.textLength - block.offset;
  if (after <= Math.max(TAIL_MIN_CHARS, model.textLength * TAIL_SHARE)) {
    return { inFooter: true, container: null, reason: 'in the last part of the page' };
  }
  const percent = Math.round((block.offset / Math.max(1, model.textLength)) * 100);
  return {
    inFooter: false,
    container: null,
    reason: `about ${percent}% of the way down the page's text, not in a footer`,
  };
}

// The whole footer (`<footer>` around `.copyright`), so a name on a sibling line is still "beside".
function outermostFooter(element: Element): Element {
  let outer = element;
  for (const el of ancestors(element)) {
    if (el.name === 'footer' || FOOTER_NAME.test(namesOf(el))) outer = el;
  }
  return outer;
}

function hasImageBeside(node: AnyNode): boolean {
  for (const el of ancestors(node).slice(0, 3)) {
    if (textLengthOf(el) > BESIDE_MAX_CHARS) return false;
    if (holdsImage(el)) return true;
  }
  return false;
}

function boxOf(node: AnyNode): Box | null {
  for (const el of ancestors(node)) {
    const value = el.attribs['data-beian-box'];
    if (value === undefined) continue;
    const [x = Number.NaN, y = Number.NaN, width = Number.NaN, height = Number.NaN] = value.split(',').map(Number);
    return [x, y, width, height].every(Number.isFinite) ? { x, y, width, height } : null;
  }
  return null;
}

/** Looks around one number: the link on it or beside it, where it sits, the badge, the rendered box. */
export function locateNumber(model: PageModel, block: Block, match: NumberMatch): NumberSighting {
  const nodes = nodesInRange(block, match.start, match.end);
  const first = nodes[0];
  const anchors = nodes.map(nearestAnchor);
  const own = new Set(anchors.filter((a): a is Element => a !== null));
  const links = [...own].map(linkRefOf);
  const hrefLink = links.some((l) => l.href !== null);
  return {
    match,
    block,
    raw: rawSlice(block, match.start, match.end),
    links,
    partlyUnlinked: anchors.includes(null),
    onclickUrl: first === undefined || hrefLink ? null : onclickAround(first),
    nearbyLinks: first === undefined || hrefLink ? [] : linksBeside(first, own),
    position:
      first === undefined ? { inFooter: false, container: null, reason: 'unknown' } : positionOf(first, block, model),
    hasImageBeside: first !== undefined && hasImageBeside(first),
    box: first === undefined ? null : boxOf(first),
  };
}
