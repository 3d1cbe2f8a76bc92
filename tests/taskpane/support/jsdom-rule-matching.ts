/**
 * A style rule that cannot apply to an element, told without asking nwsapi. To compute an element's style jsdom asks
 * its selector engine, nwsapi, whether each rule of each style sheet (its own default one, some 120 rules, and the
 * pane's) matches the element: most do not, and each answer costs nwsapi a lookup of its compiled selector by the
 * whole selector's text, some microseconds, millions of times in the pane suites. A selector's subject (the compound
 * after its last combinator) must match the element itself, so a rule whose every selector names a type or a class
 * the element does not have cannot apply: `false` is answered at once. Every other answer is nwsapi's. Only
 * selectors of a plain grammar are read (types, classes, ids, attributes, pseudo-classes without arguments,
 * combinators); any other (an escape, `:not(…)`, a namespace) is left to nwsapi whole. Types and classes are
 * compared without case, which never says « cannot » where nwsapi, in any mode of the document, would match.
 */
import { implOf } from './jsdom-impl';

interface Matcher {
  match(selectors: string, element: Element): boolean;
}

interface DocumentImpl {
  /** jsdom 26 (helpers/selectors.js): the document's nwsapi for style rules, made at the first style computed. */
  _nwsapiDontThrow?: Matcher;
}

/** What a selector's subject requires of the element: its type (lower case), its classes (lower case). */
interface Subject {
  type: string | null;
  classes: string[];
}

/** Once per document: each suite has its own. */
const PREFILTERED = Symbol.for('ctg.jsdomRuleMatchingPrefiltered');

/** nwsapi's own `match`, kept for tests/taskpane/jsdom-speedups.test.ts. */
const NWSAPI = Symbol.for('ctg.jsdomRuleMatchingNwsapi');

type PrefilteredMatch = Matcher['match'] & { [PREFILTERED]?: true; [NWSAPI]?: Matcher['match'] };

const COMMA = /\s*,\s*/y;
const COMBINATOR = /\s*[>+~]\s*|\s+/y;
const TYPE = /\*|[a-zA-Z][\w-]*/y;
const CLASS = /\.(-?[_a-zA-Z][\w-]*)/y;
const OTHER_SIMPLE = new RegExp(
  [
    /#-?[_a-zA-Z][\w-]*/.source,
    /\[\s*[\w-]+\s*(?:[~^$*]?=\s*(?:[\w-]+|"[^"\\\]]*"|'[^'\\\]]*')\s*(?:[iIsS]\s*)?)?\]/.source,
    // Pseudo-classes and pseudo-elements without arguments (`:not(` stops the reading: `(` is no token).
    /::?[a-zA-Z][\w-]*(?![\w(-])/.source,
  ].join('|'),
  'y',
);

function at(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** The subjects of a selector list, or null when it is not of the plain grammar read here. */
export function subjectsOf(selectors: string): Subject[] | null {
  const text = selectors.trim();
  const subjects: Subject[] = [];
  let subject: Subject = { type: null, classes: [] };
  let empty = true;
  let index = 0;
  while (index < text.length) {
    let found: RegExpExecArray | null;
    if (!empty && (found = at(COMMA, text, index))) {
      subjects.push(subject);
      subject = { type: null, classes: [] };
      empty = true;
    } else if (!empty && (found = at(COMBINATOR, text, index))) {
      subject = { type: null, classes: [] };
      empty = true;
    } else if (empty && (found = at(TYPE, text, index))) {
      subject.type = found[0] === '*' ? null : found[0].toLowerCase();
      empty = false;
    } else if ((found = at(CLASS, text, index))) {
      subject.classes.push(found[1].toLowerCase());
      empty = false;
    } else if ((found = at(OTHER_SIMPLE, text, index))) {
      empty = false;
    } else return null;
    index += found[0].length;
  }
  if (empty) return null;
  subjects.push(subject);
  return subjects;
}

/** nwsapi's own answer, to compare with. */
export function matchByNwsapi(selectors: string, element: Element): boolean {
  const matcher = implOf<DocumentImpl>(element.ownerDocument)!._nwsapiDontThrow!;
  const match = (matcher.match as PrefilteredMatch)[NWSAPI] ?? matcher.match;
  return match.call(matcher, selectors, element);
}

/** The answer jsdom's style computation gets now (prefiltered). */
export function matchForStyles(selectors: string, element: Element): boolean {
  const matcher = implOf<DocumentImpl>(element.ownerDocument)!._nwsapiDontThrow!;
  return matcher.match(selectors, element);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined' && document.documentElement) {
  const documentImpl = implOf<DocumentImpl>(document);
  // jsdom makes its matcher at the first style asked for.
  if (documentImpl && !documentImpl._nwsapiDontThrow) window.getComputedStyle(document.documentElement);
  const matcher = documentImpl?._nwsapiDontThrow;
  if (matcher && !(matcher.match as PrefilteredMatch)[PREFILTERED]) {
    const nwsapi = matcher.match;
    const subjects = new Map<string, Subject[] | null>();
    // jsdom asks about one element for every rule in turn: its classes are split once.
    let lastElement: Element | null = null;
    let lastClassAttribute: string | null = null;
    let classes = new Set<string>();
    // Plain loops, no callback: this runs for every rule and every element whose style is computed.
    const cannotMatch = (subject: Subject, element: Element): boolean => {
      if (subject.type !== null && subject.type !== element.localName.toLowerCase()) return true;
      if (subject.classes.length === 0) return false;
      const attribute = element.getAttribute('class');
      if (element !== lastElement || attribute !== lastClassAttribute) {
        lastElement = element;
        lastClassAttribute = attribute;
        classes = new Set((attribute ?? '').toLowerCase().split(/[\t\n\f\r ]+/));
      }
      for (const name of subject.classes) if (!classes.has(name)) return true;
      return false;
    };
    const prefiltered = function match(this: Matcher, selectors: string, element: Element): boolean {
      let known = subjects.get(selectors);
      if (known === undefined) subjects.set(selectors, (known = subjectsOf(selectors)));
      if (known !== null) {
        let mayMatch = false;
        for (const subject of known) if (!cannotMatch(subject, element)) mayMatch = true;
        if (!mayMatch) return false;
      }
      return nwsapi.call(this, selectors, element);
    } as PrefilteredMatch;
    prefiltered[PREFILTERED] = true;
    prefiltered[NWSAPI] = nwsapi;
    matcher.match = prefiltered;
  }
}
