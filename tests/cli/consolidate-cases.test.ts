// Cases of tests/cli on consolidate: one suite for their files of cases (`*.cases.ts`, one job each, not run
// on their own), so that jest loads the command line, ExcelJS and the readers once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './consolidate-ao-sheet.cases';
import './consolidate-caf-advice.cases';
import './consolidate-command.cases';
import './consolidate-conventions.cases';
import './consolidate-copies.cases';
import './consolidate-escaped-texts.cases';
import './consolidate-identity.cases';
import './consolidate-left-out-convention.cases';
import './consolidate-list-cells.cases';
import './consolidate-missing-column.cases';
import './consolidate-quarter-lagging.cases';
import './consolidate-quarter-to-come.cases';
import './consolidate-run.cases';
import './consolidate-text-cut.cases';
import './consolidate-what-is-said.cases';
