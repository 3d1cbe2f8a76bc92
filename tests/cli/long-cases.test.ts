// Longer cases of tests/cli (compute, close, regenerate, extract, merge, the version, LibreOffice's conversions),
// grouped as its short ones are: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the command line, ExcelJS and the readers once rather than once per file (docs/TOOLING.md,
// « Gotchas »: the short suites of the other folders).
import './regenerate-keys.cases';
import './compute-close.cases';
import './compute-quarter.cases';
import './regenerate-removed-rows-output.cases';
import './regenerate-cleared-criterion.cases';
import './regenerate-cleared-plan-cell.cases';
import './extract.cases';
import './merge-key-column-deleted.cases';
import './libreoffice-conversion.cases';
import './version.cases';
