import { normaliseText } from '../../text/normalise.js';
import { findNumbers, mightHoldNumberRaw, type NumberMatch } from '../numbers.js';
import type { PageModel } from '../read/page-model.js';
import type { HiddenPlace } from '../read/visibility.js';

const PLACE_NAMES: Readonly<Record<HiddenPlace, string>> = {
  comment: 'an HTML comment',
  script: 'a <script>',
  style: 'a <style> block',
  noscript: 'a <noscript> block',
  template: 'a <template>',
  title: 'the <title>',
  meta: 'a <meta> tag',
  'frame fallback': 'frame fallback content',
  'hidden element': 'a hidden element',
  'hidden input': 'a hidden <input>',
  image: "an image's alt text (the number is a picture)",
  tooltip: 'a title attribute (a hover tooltip)',
};

/** The first number of a type that is in the HTML but not visible, and every place it hides in. */
export function hiddenNumberPlaces(
  model: PageModel,
  type: NumberMatch['type'],
): { number: string; places: string[] } | null {
  const places = new Map<string, Set<string>>();
  for (const hidden of model.hidden) {
    // Scripts and styles are most of a page's hidden text: normalise only what may hold a number.
    if (!mightHoldNumberRaw(hidden.text)) continue;
    for (const m of findNumbers(normaliseText(hidden.text))) {
      if (m.type !== type) continue;
      const set = places.get(m.number) ?? new Set<string>();
      set.add(PLACE_NAMES[hidden.where]);
      places.set(m.number, set);
    }
  }
  const [first] = places;
  return first === undefined ? null : { number: first[0], places: [...first[1]] };
}
