// Short cases of tests/xlsx-patch: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './patch-xlsx.cases';
import './added-sheet.cases';
import './kept-formula-without-result.cases';
import './patch-equivalence.property.cases';
import './damaged-notes.cases';
import './patch-equivalence.cases';
import './first-closing.cases';
import './cell-notes.cases';
