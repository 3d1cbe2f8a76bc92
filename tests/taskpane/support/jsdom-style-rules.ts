/**
 * The pane's style rules that role queries read, and only those. Testing Library's `*ByRole` asks jsdom for each
 * element's computed style (is it hidden? what is its accessible name?), and jsdom answers by matching every rule
 * of every style sheet against the element: with Fluent's thousand or so atomic rules, that was about 40 % of the
 * pane suites' time. Those queries read `display` and `visibility` (and `content` of `::before`/`::after` when
 * pseudo-elements are enabled); user-event and jest-dom, were they added, read `pointer-events` and `opacity`. A
 * rule that sets none of them changes no answer (jsdom cascades by rule order, and the kept rules keep theirs), so
 * it is not kept. Rules that do are kept as Fluent writes them (a tab's name counts its text once because its bold
 * copy is `visibility: hidden`). How the pane looks is checked in Chromium (tests/e2e).
 */
const READ_BY_QUERIES = /(?:^|[{;\s])(?:display|visibility|opacity|content|pointer-events)\s*:/;

/** jsdom's classes outlive a suite's window: every suite of a worker imports this, the prototype is wrapped once. */
const FILTERED = Symbol.for('ctg.jsdomStyleRulesFiltered');

if (typeof CSSStyleSheet !== 'undefined') {
  const prototype = CSSStyleSheet.prototype as CSSStyleSheet & { [FILTERED]?: true };
  if (!prototype[FILTERED]) {
    const insertRule = prototype.insertRule;
    prototype.insertRule = function keptIfReadByQueries(rule: string, index?: number): number {
      if (READ_BY_QUERIES.test(rule)) return insertRule.call(this, rule, index);
      return index ?? this.cssRules.length;
    };
    prototype[FILTERED] = true;
  }
}
