import { type AnyNode, type Element, hasChildren, isComment, isTag, isText } from 'domhandler';

/** What an element's subtree holds, computed once per element and kept for every number beside it. */
interface Facts {
  /** Length of `textContent` with white space runs made one space, before trimming. */
  length: number;
  startsWithSpace: boolean;
  endsWithSpace: boolean;
  hasImage: boolean;
}

const NONE: Facts = { length: 0, startsWithSpace: false, endsWithSpace: false, hasImage: false };
const SPACE_RUNS = /\s+/g;
const memo = new WeakMap<Element, Facts>();

function textFacts(data: string): Facts {
  const collapsed = data.replace(SPACE_RUNS, ' ');
  return {
    length: collapsed.length,
    startsWithSpace: collapsed.startsWith(' '),
    endsWithSpace: collapsed.endsWith(' '),
    hasImage: false,
  };
}

// Joining two collapsed texts: a space that ends one and starts the other collapses into one.
function join(a: Facts, b: Facts): Facts {
  if (a.length === 0) return { ...b, hasImage: a.hasImage || b.hasImage };
  if (b.length === 0) return { ...a, hasImage: a.hasImage || b.hasImage };
  return {
    length: a.length + b.length - (a.endsWithSpace && b.startsWithSpace ? 1 : 0),
    startsWithSpace: a.startsWithSpace,
    endsWithSpace: b.endsWithSpace,
    hasImage: a.hasImage || b.hasImage,
  };
}

function ownFacts(node: AnyNode): Facts | undefined {
  if (isText(node)) return textFacts(node.data);
  if (isTag(node)) return memo.get(node);
  // domutils' textContent reads CDATA children too, and skips comments.
  return hasChildren(node) && !isComment(node) ? undefined : NONE;
}

// Children first, without recursion: pages nest deep, and each element is summed once.
function factsOf(root: Element): Facts {
  const known = memo.get(root);
  if (known !== undefined) return known;
  const stack: { node: Element; entered: boolean }[] = [{ node: root, entered: false }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, entered } = top;
    if (memo.has(node)) continue;
    if (!entered) {
      stack.push({ node, entered: true });
      for (const child of node.children)
        if (isTag(child) && !memo.has(child)) stack.push({ node: child, entered: false });
      continue;
    }
    let facts: Facts = node.name === 'img' ? { ...NONE, hasImage: true } : NONE;
    for (const child of node.children) facts = join(facts, ownFacts(child) ?? cdataFacts(child));
    memo.set(node, facts);
  }
  return memo.get(root) ?? NONE;
}

function cdataFacts(node: AnyNode): Facts {
  if (!hasChildren(node)) return NONE;
  return node.children.reduce((facts, child) => join(facts, isText(child) ? textFacts(child.data) : NONE), NONE);
}

/** The length of an element's text as `textContent` with white space collapsed and trimmed: memoised. */
export function textLengthOf(element: Element): number {
  const facts = factsOf(element);
  const trimmed = facts.length - (facts.startsWithSpace ? 1 : 0) - (facts.endsWithSpace ? 1 : 0);
  return Math.max(0, trimmed);
}

/** True when an `<img>` is the element or inside it: memoised. */
export function holdsImage(element: Element): boolean {
  return factsOf(element).hasImage;
}
