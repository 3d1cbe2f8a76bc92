// Short cases of tests/workbook-formulas: one suite for their files of cases (`*.cases.ts`, one job each, not run on
// their own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »:
// the short suites of the other folders).
import './hand-made-cases.cases';
import './annexe4-sheet.cases';
import './missing-mark.cases';
import './cached-results.cases';
