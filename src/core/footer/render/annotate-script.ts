/**
 * The script the renderer runs in each document before serialising it: it writes the annotations
 * described in ./types.ts. Kept as plain JavaScript source, not a function, because tsx/esbuild may
 * wrap functions in helpers (`__name`) that do not exist inside the page.
 *
 * Hidden: what `checkVisibility` says (display, visibility, opacity, content-visibility), plus boxes
 * with no area that show nothing inside them, text drawn with no area (font-size 0), the
 * screen-reader-only clip pattern, and boxes entirely off the document (left: -9999px,
 * text-indent: -9999px) or outside an ancestor that clips its overflow.
 */
export const ANNOTATE_SCRIPT = String.raw`(() => {
  const doc = document;
  const root = doc.documentElement;
  if (!root) return;
  const sx = window.scrollX;
  const sy = window.scrollY;
  const docWidth = Math.max(root.scrollWidth, doc.body ? doc.body.scrollWidth : 0);
  const docHeight = Math.max(root.scrollHeight, doc.body ? doc.body.scrollHeight : 0);
  root.setAttribute('data-beian-viewport-width', String(root.clientWidth || window.innerWidth));
  root.setAttribute('data-beian-document-height', String(Math.round(docHeight)));

  const ownTextNodes = (el) => {
    const nodes = [];
    for (const child of el.childNodes) {
      if (child.nodeType === 3 && child.nodeValue && child.nodeValue.trim() !== '') nodes.push(child);
    }
    return nodes;
  };
  const textArea = (nodes) => {
    const range = doc.createRange();
    let area = 0;
    let onDocument = false;
    for (const node of nodes) {
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        area += r.width * r.height;
        if (r.right + sx > 0 && r.bottom + sy > 0 && r.left + sx < docWidth) onDocument = true;
      }
    }
    return { area, onDocument };
  };
  const clipsOverflow = (style) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
  const isSrOnlyClip = (style, rect) =>
    (style.clip && style.clip !== 'auto' && (rect.width <= 1 || rect.height <= 1)) ||
    /inset\(\s*50%/.test(style.clipPath || '');
  const clippedByAncestor = (el, rect) => {
    for (let p = el.parentElement; p && p !== doc.body && p !== root; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (!clipsOverflow(style)) continue;
      const c = p.getBoundingClientRect();
      if (rect.right <= c.left || rect.left >= c.right || rect.bottom <= c.top || rect.top >= c.bottom) return true;
    }
    return false;
  };

  // Post-order, so a box with no area can ask whether anything inside it shows.
  const visit = (el) => {
    let childShows = false;
    for (const child of el.children) if (visit(child)) childShows = true;
    el.removeAttribute('data-beian-hidden');
    el.removeAttribute('data-beian-box');
    const style = getComputedStyle(el);
    const texts = ownTextNodes(el);
    const text = texts.length > 0 ? textArea(texts) : { area: 0, onDocument: false };
    if (style.display === 'contents') {
      return childShows || (texts.length > 0 && style.visibility === 'visible' && text.area > 0);
    }
    const rect = el.getBoundingClientRect();
    let hidden = !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: false });
    if (!hidden && rect.width * rect.height === 0 && (clipsOverflow(style) || !childShows) && text.area === 0) hidden = true;
    if (!hidden && isSrOnlyClip(style, rect)) hidden = true;
    if (!hidden && texts.length > 0 && (text.area === 0 || !text.onDocument) && !childShows) hidden = true;
    if (!hidden && (rect.width * rect.height > 0 || texts.length > 0)) {
      const offDocument = rect.right + sx <= 0 || rect.bottom + sy <= 0 || rect.left + sx >= docWidth;
      if (offDocument || (texts.length > 0 && clippedByAncestor(el, rect))) hidden = true;
    }
    if (hidden) {
      el.setAttribute('data-beian-hidden', '1');
      return false;
    }
    if (texts.length > 0) {
      const box = [rect.left + sx, rect.top + sy, rect.width, rect.height].map((n) => Math.round(n)).join(',');
      el.setAttribute('data-beian-box', box);
    }
    return true;
  };
  visit(root);
})()`;
