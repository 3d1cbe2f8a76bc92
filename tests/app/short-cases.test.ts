// Short cases of tests/app: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own), so
// that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short suites
// of the other folders).
import './covering-text.cases';
import './rejection-reason.cases';
import './extract-file-names.cases';
import './embedded-plan.cases';
import './shape-keeping-changes.cases';
import './sorted-extract.cases';
import './returned-extract-columns.cases';
import './extract-up-to.cases';
import './renamed-extract-sheet.cases';
import './partial-readers.cases';
import './choose-quarter.cases';
import './figures-partial-read.cases';
import './figures-one-source.cases';
import './registry-readings.cases';
