import type { Element } from 'domhandler';

/** Where text that is in the HTML but not shown to a visitor was found. */
export type HiddenPlace =
  | 'comment'
  | 'script'
  | 'style'
  | 'noscript'
  | 'template'
  | 'title'
  | 'meta'
  | 'frame fallback'
  | 'hidden element'
  | 'hidden input'
  /** An `<img alt>`: the number drawn as a picture. */
  | 'image'
  /** A `title` attribute, shown only on hover. */
  | 'tooltip';

const HIDDEN_TAGS: Readonly<Record<string, HiddenPlace>> = {
  script: 'script',
  style: 'style',
  noscript: 'noscript',
  template: 'template',
  title: 'title',
  meta: 'meta',
  noframes: 'frame fallback',
  iframe: 'frame fallback',
  frame: 'frame fallback',
  object: 'frame fallback',
};

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;
const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*hidden\b/i;

/** Block-level elements: their text is its own line, so a number never runs across them. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'optgroup',
  'option',
  'p',
  'pre',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Why an element's content is not shown to a visitor, or null when it is shown. */
export function hiddenPlaceOf(element: Element): HiddenPlace | null {
  const byTag = HIDDEN_TAGS[element.name];
  if (byTag !== undefined) return byTag;
  const attribs = element.attribs;
  if (element.name === 'input' && attribs.type?.trim().toLowerCase() === 'hidden') return 'hidden input';
  if (attribs.hidden !== undefined || attribs['data-beian-hidden'] === '1') return 'hidden element';
  if (element.name === 'dialog' && attribs.open === undefined) return 'hidden element';
  const style = attribs.style;
  if (style !== undefined && (DISPLAY_NONE.test(style) || VISIBILITY_HIDDEN.test(style))) return 'hidden element';
  return null;
}
