/**
 * HyperFormula as the suites load it (tests/hyperformula-per-process.js) remembers, per instance, the texts its date
 * parse found not to be a date. Comparing a text with `=` or `<>` first tries both sides as dates
 * (ArithmeticHelper.compare → DateTimeHelper.dateStringToDateNumber, each date and time format in turn), and the
 * product's formulas compare whole columns of texts with a few constants (SUMPRODUCT over the fiches' statuses): the
 * same few hundred texts were parsed again at every cell of every such formula, ≈ a fifth of an evaluation. The parse
 * depends on the text and the instance's configuration alone; a date's answer (a new DateNumber each time) is not
 * kept, only « not a date », so nothing the interpreter may hold is shared.
 */
const path = require('path');

/** At most this many texts a helper: the large plans' keys and titles are tens of thousands. */
const KEPT = 100_000;

/** Marks the patched prototype: each suite loads this file again, but the worker's HyperFormula once. */
const PATCHED = Symbol.for('ctg.hyperformula.dateParseMissesKept');

/** Patches the HyperFormula that `requireHyperFormula` (Node's own, once per worker) loads. */
module.exports = function keepDateParseMisses(requireHyperFormula) {
  const commonjs = path.dirname(requireHyperFormula.resolve('hyperformula'));
  // By its path: the package's `exports` lists its entry only; the same file, so the same module, as the entry's.
  const { DateTimeHelper } = requireHyperFormula(path.join(commonjs, 'DateTimeHelper.js'));
  if (DateTimeHelper.prototype[PATCHED]) return;
  DateTimeHelper.prototype[PATCHED] = true;
  const parse = DateTimeHelper.prototype.dateStringToDateNumber;
  const misses = new WeakMap();
  DateTimeHelper.prototype.dateStringToDateNumber = function dateStringToDateNumber(text) {
    let known = misses.get(this);
    if (known === undefined) misses.set(this, (known = new Set()));
    if (known.has(text)) return undefined;
    const parsed = parse.call(this, text);
    if (parsed === undefined && known.size < KEPT) known.add(text);
    return parsed;
  };
};
