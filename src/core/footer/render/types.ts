import type { PrivateNetworkAccess } from '../fetch/address-policy.js';
import type { FooterScreenshot } from '../types.js';

/**
 * A page loaded in a real browser. The renderer marks up the DOM before serialising it so the
 * same HTML reader can judge it; these attributes are the whole contract:
 * - on `<html>`: `data-beian-viewport-width`, `data-beian-document-height` (CSS pixels);
 * - on every element the browser does not show (display none, visibility hidden, zero size,
 *   opacity 0, clipped away): `data-beian-hidden="1"`;
 * - on every visible element whose own text (not a descendant's) is non-empty:
 *   `data-beian-box="x,y,width,height"` in document coordinates (CSS pixels, rounded).
 */
export interface RenderedPage {
  finalUrl: string;
  html: string;
  /** Same-origin frames (`<iframe>`, `<frame>`), annotated the same way, in document order. */
  frames: { url: string; html: string }[];
  /** The footer picture, when asked for and taken. */
  screenshot?: FooterScreenshot;
}

export interface RenderOptions {
  /** Which non-public addresses the page may reach (the target's own, listed ones); default none. */
  allowPrivateNetwork?: PrivateNetworkAccess;
  timeoutMs?: number;
  maxBytes?: number;
  /** Also take a picture of the footer region, the ICP number and its link outlined. */
  screenshot?: boolean;
}

/** Started once and reused across pages; closed by whoever created it. */
export interface PageRenderer {
  render(url: string, options: RenderOptions): Promise<RenderedPage>;
  close(): Promise<void>;
}
