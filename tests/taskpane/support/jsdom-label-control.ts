/**
 * A label's `control` found through the document's index of ids rather than by walking the whole document. Testing
 * Library's role and label queries name each candidate element through its labels, and jsdom finds an element's
 * labels by asking every label of the document for its control, which jsdom finds, for `<label for=…>` (Fluent's
 * fields), by walking the document from its root to the first element with that id: in the pane suites, a few
 * percent of their time. When the label is in the document and exactly one element of it has that id, that element
 * is the first in tree order; anything else (no root document, ids repeated) is left to jsdom's own walk. Whether
 * the element found is labelable is jsdom 26's rule (helpers/form-controls.js `isLabelable`), copied below.
 */
import { implOf, wrapperOf } from './jsdom-impl';

/** jsdom's classes outlive a suite's window: every suite of a worker imports this, the prototype is changed once. */
const FAST_CONTROL = Symbol.for('ctg.jsdomLabelControlById');

/** jsdom's own getter, kept on the prototype for tests/taskpane/jsdom-speedups.test.ts. */
const WALK = Symbol.for('ctg.jsdomLabelControlWalk');

/** What jsdom's own walk gives as the control of `label` (a wrapper), to compare with. */
export function controlByWalk(label: HTMLLabelElement): unknown {
  const impl = implOf<ElementImpl>(label)!;
  const walk = (Object.getPrototypeOf(impl) as Record<symbol, () => unknown>)[WALK];
  const found = walk.call(impl) as object | null;
  return found === null ? null : wrapperOf(found);
}

interface ElementImpl {
  nodeType: number;
  namespaceURI: string | null;
  localName: string;
  type?: string;
  _ceDefinition?: { formAssociated?: boolean };
  _ownerDocument: { _ids?: Record<string, ElementImpl[]> };
  hasAttributeNS(namespace: null, name: string): boolean;
  getAttributeNS(namespace: null, name: string): string | null;
  getRootNode(options: object): unknown;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const DOCUMENT_NODE = 9;

/** jsdom 26's `isLabelable`. */
function isLabelable(node: ElementImpl): boolean {
  if (node.nodeType !== 1 || node.namespaceURI !== HTML_NS) return false;
  switch (node.localName) {
    case 'button':
    case 'meter':
    case 'output':
    case 'progress':
    case 'select':
    case 'textarea':
      return true;
    case 'input':
      return node.type !== 'hidden';
  }
  return node._ceDefinition?.formAssociated === true;
}

if (typeof document !== 'undefined') {
  const impl = implOf<ElementImpl>(document.createElement('label'));
  const prototype = impl && (Object.getPrototypeOf(impl) as Record<symbol, unknown>);
  const own = prototype && Object.getOwnPropertyDescriptor(prototype, 'control');
  if (prototype && own?.get && !prototype[FAST_CONTROL]) {
    const walk = own.get;
    prototype[WALK] = walk;
    Object.defineProperty(prototype, 'control', {
      ...own,
      get(this: ElementImpl): unknown {
        const id = this.getAttributeNS(null, 'for');
        if (id) {
          const root = this.getRootNode({}) as { nodeType?: number };
          const ids = this._ownerDocument._ids;
          if (root === this._ownerDocument && root.nodeType === DOCUMENT_NODE && ids) {
            // Every element in the document with an id is in its index (jsdom keeps it as they come and go).
            const inDocument = (ids[id] ?? []).filter((candidate) => candidate.getRootNode({}) === root);
            if (inDocument.length === 1) return isLabelable(inDocument[0]) ? inDocument[0] : null;
            if (inDocument.length === 0) return null;
          }
        }
        return walk.call(this);
      },
    });
    prototype[FAST_CONTROL] = true;
  }
}
