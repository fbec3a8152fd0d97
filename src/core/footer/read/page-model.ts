import type { Document, Text } from 'domhandler';
import type { ParseCut } from './parse-capped.js';
import type { HiddenPlace } from './visibility.js';

/** One line of visible text: the text of consecutive inline content between block boundaries. */
export interface Block {
  index: number;
  /** Normalised text (`normaliseText`). */
  text: string;
  /** The text as it stands in the HTML (entities decoded), for showing what a visitor sees. */
  raw: string;
  /** For each character of `text`, its start and end offsets in `raw` (empty when the line holds no number). */
  rawStart: number[];
  rawEnd: number[];
  /** The text nodes joined into `raw`, with their start offsets in `raw`. */
  pieces: { node: Text; start: number }[];
  /** Offset of this block in the page's visible text (blocks joined by a line break). */
  offset: number;
}

/** Text that is in the HTML but not shown to a visitor. */
export interface HiddenText {
  where: HiddenPlace;
  text: string;
}

/** Layout facts a rendering browser wrote onto `<html>` (see render/types.ts). */
export interface Viewport {
  width: number;
  documentHeight: number;
  /** The lowest edge of any visible text box: on a short page the content ends well above the window's bottom. */
  contentBottom: number;
}

/** What the rules read: a parsed page reduced to its visible text, with the DOM kept for context. */
export interface PageModel {
  document: Document;
  blocks: Block[];
  /** Length of all visible text, blocks joined by line breaks. */
  textLength: number;
  hidden: HiddenText[];
  title: string;
  /** `src` of every `<iframe>` and `<frame>`, in document order. */
  frames: string[];
  /** The page is a `<frameset>`: its content is in its frames. */
  frameset: boolean;
  scripts: number;
  /** Set when the HTML came from the renderer. */
  viewport: Viewport | null;
  /** Set when the page nests too deep or holds too many elements to read to the end. */
  cut: ParseCut | null;
}
