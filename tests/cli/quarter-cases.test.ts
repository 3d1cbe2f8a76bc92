// Cases of tests/cli on quarters, closings and the workbook's own sheets: one suite for their files of cases
// (`*.cases.ts`, one job each, not run on their own), so that jest loads the command line, ExcelJS and the readers
// once rather than once per file (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './close-before-end.cases';
import './close-empty-quarter.cases';
import './close-last-quarter.cases';
import './close-quarter-not-begun.cases';
import './current-quarter-written-otherwise.cases';
import './quarter-chosen-before-convention.cases';
import './lowercase-current-quarter.cases';
import './history-deleted.cases';
import './journal-deleted.cases';
import './workbook-changed-meanwhile.cases';
import './workbook-open-elsewhere.cases';
import './damaged-sheet-part.cases';
