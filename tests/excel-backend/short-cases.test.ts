// Short cases of tests/excel-backend: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './sheet-plan.cases';
import './excel-errors.cases';
import './ctg-retired-key-changed.cases';
import './edits-during-generation.cases';
import './spec-features.cases';
import './select-hidden-sheet.cases';
import './open-in-excel.cases';
import './cell-notes-on-fake.cases';
import './merge-on-fake.cases';
import './format-v1-on-fake.cases';
import './rates-on-fake.cases';
import './excel-undo.cases';
import './ctg-typed-cell.cases';
import './merged-cells-on-fake.cases';
import './excel-visuals.cases';
import './notes-during-rewrite.cases';
import './rate-format-on-fake.cases';
import './page-breaks.cases';
import './large-used-range.cases';
