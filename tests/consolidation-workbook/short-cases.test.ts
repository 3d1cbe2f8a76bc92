// Short cases of tests/consolidation-workbook: one suite for their files of cases (`*.cases.ts`, one job each, not run
// on their own), so that jest loads the modules they share once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './guide.cases';
import './empty.cases';
import './cells.cases';
import './recalculation.cases';
import './print.cases';
