/**
 * An element's computed style made once until the document changes. Testing Library's role queries ask jsdom for
 * the computed style of each element they name (is it hidden? how does its text join?) and of each ancestor of each
 * element they return, again at every query and at every try of `waitFor`; jsdom builds each answer anew, walking
 * up the ancestors for the inherited properties and parsing every colour: about a sixth of the pane suites' time.
 * jsdom already keeps each element's matched declarations in the document (`_styleCache`), and drops them all when
 * anything in the document changes (an attribute, a child, a text, a style sheet added or removed); a computed style
 * is made from those declarations alone, so while jsdom keeps the same ones the answer it would build is the same,
 * and the one built first is given back. Elements outside the document, and pseudo-elements, are left to jsdom.
 * Like a browser's, the answer is only read: nothing in the suites changes a computed style.
 */
import { implOf } from './jsdom-impl';

interface DocumentImpl {
  /** jsdom 26 (helpers/style-rules.js): each element's declarations, null once the document changed. */
  _styleCache?: WeakMap<object, unknown> | null;
}

/** Once per window: each suite has its own window, whose `getComputedStyle` is its own. */
const KEPT = Symbol.for('ctg.jsdomComputedStyleKept');

/** jsdom's own, kept on the function for tests/taskpane/jsdom-speedups.test.ts. */
const OWN = Symbol.for('ctg.jsdomComputedStyleOwn');

type GetComputedStyle = typeof window.getComputedStyle & { [KEPT]?: true; [OWN]?: typeof window.getComputedStyle };

/** The style jsdom itself computes for `element` now, to compare with. */
export function computedStyleByJsdom(element: Element): CSSStyleDeclaration {
  const own = (window.getComputedStyle as GetComputedStyle)[OWN] ?? window.getComputedStyle;
  return own.call(window, element);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  const own = window.getComputedStyle as GetComputedStyle;
  const documentImpl = implOf<DocumentImpl>(document);
  if (!own[KEPT] && documentImpl && '_styleCache' in documentImpl) {
    let declarations: unknown = null;
    let kept = new WeakMap<Element, CSSStyleDeclaration>();
    const keptUntilChange = function getComputedStyle(element: Element, pseudoElement?: string | null) {
      const pseudo = pseudoElement !== undefined && pseudoElement !== null && pseudoElement !== '';
      if (pseudo || !(element instanceof window.Element) || element.ownerDocument !== document || !element.isConnected)
        return own.call(window, element, pseudoElement);
      if (!documentImpl._styleCache || documentImpl._styleCache !== declarations) kept = new WeakMap();
      let style = kept.get(element);
      if (style === undefined) {
        style = own.call(window, element);
        kept.set(element, style);
        // jsdom made a new set of declarations if the document had changed: the answers kept from now on are theirs.
        declarations = documentImpl._styleCache;
      }
      return style;
    } as GetComputedStyle;
    keptUntilChange[KEPT] = true;
    keptUntilChange[OWN] = own;
    window.getComputedStyle = keptUntilChange;
  }
}
