// Short cases of tests/fake-excel: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './office-typed-code.cases';
import './comments.cases';
import './protection-and-limits.cases';
import './proxy-semantics.cases';
import './range-writes.cases';
import './checkpoint.cases';
import './input-typing.cases';
import './object-model.cases';
import './formulas.cases';
import './excel-input-rules.cases';
import './grid-parity.cases';
import './sheet-references.cases';
import './sheet-groups.cases';
import './hyperformula-date-parse.cases';
