// Short cases of tests/cli: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own), so
// that jest loads the command line, ExcelJS and the readers once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './undo-text.cases';
import './typo-suggestion.cases';
import './output-name-to-copy.cases';
import './merge-sheet-not-found.cases';
import './consolidate-other-formats.cases';
import './too-large-workbook.cases';
import './interruption.cases';
import './generate-over-damaged.cases';
import './merge-wordings.cases';
import './stale-build.cases';
import './json-always.cases';
import './generate-ao-communes.cases';
import './consolidate-saved-copies.cases';
import './validate-renamed-extract-sheet.cases';
import './generate-validate-commands.cases';
import './usage-and-files.cases';
import './validate-record-sheets.cases';
import './validate-outside-vocabulary.cases';
import './date-in-text-cell.cases';
import './percent-format-return.cases';
import './extract-keys-swapped.cases';
