// Longer cases of tests/rewrite, grouped as its short ones are: one suite for their files of cases (`*.cases.ts`,
// one job each, not run on their own), so that jest loads what they share once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './record-sheet-notes.cases';
import './format-v1-migration.cases';
import './close-quarter.cases';
import './tool-texts.cases';
import './kept-formulas.cases';
