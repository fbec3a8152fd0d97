import { type Document, DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';

/**
 * Chromium's HTML parser nests no deeper than 512 (kMaximumHTMLParserDOMTreeDepth). htmlparser2 keeps
 * its open elements in an array it `unshift`s, so each open tag costs the depth: 200k nested divs took
 * 37 s to parse. Stopping at 512 keeps parsing linear; no real page nests that deep.
 */
export const MAX_DEPTH = 512;
/**
 * Elements read from one page. Large real homepages have 5k–20k; each DOM node costs a few hundred
 * bytes, so 100k bounds the tree near 50 MB whatever the byte cap lets through.
 */
export const MAX_ELEMENTS = 100_000;

/** Where and why reading stopped before the end of the HTML. */
export interface ParseCut {
  limit: 'depth' | 'elements';
  /** Offset in the HTML of the tag where reading stopped. */
  at: number;
}

class CappedHandler extends DomHandler {
  elements = 0;
  cut: ParseCut | null = null;
  private reader: Parser | null = null;

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.reader = parser;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.cut !== null) return;
    this.elements += 1;
    // tagStack holds the root too: its length is the new element's depth.
    const limit = this.tagStack.length > MAX_DEPTH ? 'depth' : this.elements > MAX_ELEMENTS ? 'elements' : null;
    if (limit !== null) {
      this.cut = { limit, at: this.reader?.startIndex ?? 0 };
      // Pausing stops the tokenizer; `end()` then returns with the tree read so far.
      this.reader?.pause();
      return;
    }
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    if (this.cut === null) super.onclosetag();
  }
}

/** Parses HTML as `parseDocument` does, stopping at `MAX_DEPTH` nesting or `MAX_ELEMENTS` elements. */
export function parseCapped(html: string): { document: Document; cut: ParseCut | null } {
  const handler = new CappedHandler();
  new Parser(handler).end(html);
  return { document: handler.root, cut: handler.cut };
}
