/**
 * The pane's style rules that role queries read, and only those. Testing Library's `*ByRole` asks jsdom for each
 * element's computed style (is it hidden? what is its accessible name?), and jsdom answers by matching every rule
 * of every style sheet against the element: with Fluent's thousand or so atomic rules, that was about 40 % of the
 * pane suites' time. What those queries read of a computed style is `display`, `visibility`, `opacity` and the
 * `content` of `::before`/`::after`: a rule that sets none of them changes no query's answer, so it is not kept.
 * Rules that do are kept as Fluent writes them (a tab's name counts its text once because its bold copy is
 * `visibility: hidden`). How the pane looks is checked in Chromium (tests/e2e).
 */
const READ_BY_QUERIES = /\b(?:display|visibility|opacity|content)\s*:/;

if (typeof CSSStyleSheet !== 'undefined') {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function keptIfReadByQueries(rule: string, index?: number): number {
    if (READ_BY_QUERIES.test(rule)) return insertRule.call(this, rule, index);
    return index ?? this.cssRules.length;
  };
}
