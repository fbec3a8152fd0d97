import { type AnyNode, type Element, isComment, isTag, isText, type ParentNode, type Text } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { normaliseText } from '../../text/normalise.js';
import { mightHoldNumber } from '../numbers.js';
import { normaliseWithOffsets } from './normalise-offsets.js';
import type { Block, HiddenText, PageModel, Viewport } from './page-model.js';
import { parseCapped } from './parse-capped.js';
import { BLOCK_TAGS, type HiddenPlace, hiddenPlaceOf } from './visibility.js';

interface WalkState {
  blocks: Block[];
  pieces: Text[];
  hidden: HiddenText[];
  offset: number;
  frames: string[];
  frameset: boolean;
  scripts: number;
}

// Markup inside a comment (a commented-out footer) is reduced to its text.
function commentText(data: string): string {
  return data.replace(/<[^>]*>/g, '');
}

function flush(state: WalkState): void {
  const pieces: Block['pieces'] = [];
  let raw = '';
  for (const node of state.pieces) {
    pieces.push({ node, start: raw.length });
    raw += node.data;
  }
  state.pieces = [];
  const text = normaliseText(raw);
  if (text === '') return;
  // Tracing characters back to the DOM costs; only lines that may hold a number need it.
  const mapped = mightHoldNumber(text) ? normaliseWithOffsets(raw) : { text, rawStart: [], rawEnd: [] };
  const index = state.blocks.length;
  state.blocks.push({ index, raw, pieces, offset: state.offset, ...mapped });
  state.offset += mapped.text.length + 1;
}

function collectHidden(element: Element, place: HiddenPlace, state: WalkState): void {
  if (place === 'meta') {
    const content = element.attribs.content;
    if (content !== undefined) state.hidden.push({ where: 'meta', text: content });
    return;
  }
  if (place === 'hidden input') {
    state.hidden.push({ where: place, text: element.attribs.value ?? '' });
    return;
  }
  if (place === 'script') state.scripts += 1;
  if (place === 'hidden element' || place === 'noscript' || place === 'frame fallback') {
    collectHiddenChildren(element, place, state);
    return;
  }
  state.hidden.push({ where: place, text: textContent(element) });
}

// Inside hidden elements, scripts, titles and comments keep their own, more telling place.
function collectHiddenChildren(parent: ParentNode, place: HiddenPlace, state: WalkState): void {
  for (const child of parent.children) {
    if (isText(child)) state.hidden.push({ where: place, text: child.data });
    else if (isComment(child)) state.hidden.push({ where: 'comment', text: commentText(child.data) });
    else if (isTag(child)) {
      noteFrame(child, state);
      const own = hiddenPlaceOf(child);
      if (own !== null && own !== 'hidden element') collectHidden(child, own, state);
      else collectHiddenChildren(child, place, state);
    }
  }
}

function noteFrame(element: Element, state: WalkState): void {
  if ((element.name === 'iframe' || element.name === 'frame') && element.attribs.src !== undefined) {
    state.frames.push(element.attribs.src.trim());
  }
}

// An image of the number, or a tooltip, is seen by people but is not text on the page.
function noteAttributeText(element: Element, state: WalkState): void {
  const { alt, title } = element.attribs;
  if (element.name === 'img' && alt !== undefined && alt.trim() !== '')
    state.hidden.push({ where: 'image', text: alt });
  if (title !== undefined && title.trim() !== '') state.hidden.push({ where: 'tooltip', text: title });
}

// Reads one node; returns the children still to walk (none for text, hidden parts and line breaks).
function enter(node: AnyNode, state: WalkState): readonly AnyNode[] {
  if (isText(node)) {
    state.pieces.push(node);
    return [];
  }
  if (isComment(node)) {
    state.hidden.push({ where: 'comment', text: commentText(node.data) });
    return [];
  }
  if (!isTag(node)) return [];
  noteFrame(node, state);
  noteAttributeText(node, state);
  if (node.name === 'frameset') state.frameset = true;
  const place = hiddenPlaceOf(node);
  if (place !== null) {
    collectHidden(node, place, state);
    return [];
  }
  if (node.name === 'br') {
    flush(state);
    return [];
  }
  if (BLOCK_TAGS.has(node.name)) flush(state);
  return node.children;
}

// A walk with its own stack, so nesting depth never meets the call stack's limit.
function visitAll(nodes: readonly AnyNode[], state: WalkState): void {
  const stack: { node: AnyNode; exit: boolean }[] = nodes.map((node) => ({ node, exit: false })).reverse();
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, exit } = top;
    if (exit) {
      flush(state);
      continue;
    }
    const children = enter(node, state);
    if (isTag(node) && BLOCK_TAGS.has(node.name) && hiddenPlaceOf(node) === null) stack.push({ node, exit: true });
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, exit: false });
    }
  }
}

function lowestBoxEdge(root: ParentNode): number {
  let lowest = 0;
  for (const el of findAll((e) => e.attribs['data-beian-box'] !== undefined, root.children)) {
    const [, y = 0, , height = 0] = (el.attribs['data-beian-box'] ?? '').split(',').map(Number);
    if (Number.isFinite(y + height)) lowest = Math.max(lowest, y + height);
  }
  return lowest;
}

function readViewport(root: ParentNode): Viewport | null {
  const html = root.children.find((child): child is Element => isTag(child) && child.name === 'html');
  const width = Number(html?.attribs['data-beian-viewport-width']);
  const documentHeight = Number(html?.attribs['data-beian-document-height']);
  if (!(width > 0 && documentHeight > 0)) return null;
  return { width, documentHeight, contentBottom: lowestBoxEdge(root) || documentHeight };
}

/** Parses HTML into the page model: visible text in blocks, hidden text by place, frames and layout facts. */
export function readPage(html: string): PageModel {
  const { document, cut } = parseCapped(html);
  const state: WalkState = { blocks: [], pieces: [], hidden: [], offset: 0, frames: [], frameset: false, scripts: 0 };
  visitAll(document.children, state);
  flush(state);
  const title = state.hidden
    .filter((h) => h.where === 'title')
    .map((h) => h.text)
    .join(' ');
  return {
    document,
    blocks: state.blocks,
    textLength: Math.max(0, state.offset - 1),
    hidden: state.hidden,
    title,
    frames: state.frames,
    frameset: state.frameset,
    scripts: state.scripts,
    viewport: readViewport(document),
    cut,
  };
}

/** The text nodes that carry characters `start`..`end` of a block's normalised text, in order. */
export function nodesInRange(block: Block, start: number, end: number): Text[] {
  const nodes: Text[] = [];
  for (let i = start; i < end; i += 1) {
    if (block.text[i] === ' ') continue;
    const node = nodeAtRaw(block, block.rawStart[i] ?? 0);
    if (node !== undefined && nodes.at(-1) !== node) nodes.push(node);
  }
  return nodes;
}

// The last piece starting at or before the offset: a binary search, as a line may join thousands of pieces.
function nodeAtRaw(block: Block, rawOffset: number): Text | undefined {
  let low = 0;
  let high = block.pieces.length - 1;
  let found: Text | undefined;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const piece = block.pieces[middle];
    if (piece === undefined || piece.start > rawOffset) high = middle - 1;
    else {
      found = piece.node;
      low = middle + 1;
    }
  }
  return found;
}

/** The raw text (as written in the HTML) behind characters `start`..`end` of a block's normalised text. */
export function rawSlice(block: Block, start: number, end: number): string {
  return block.raw.slice(block.rawStart[start] ?? 0, block.rawEnd[end - 1] ?? block.raw.length);
}
