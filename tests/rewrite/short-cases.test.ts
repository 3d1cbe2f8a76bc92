// Short cases of tests/rewrite: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own),
// so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './ctg-typed-under-key-list.cases';
import './sorted-axis-sheet.cases';
import './abandoned-fiches.cases';
import './personal-data-in-records.cases';
import './ctg-key-list-key-cleared.cases';
import './keys-matching.cases';
import './format-v2-migration.cases';
import './format-v1-lost-axis-sheet.cases';
import './format-v1-abandonment.cases';
import './kept-cells.cases';
import './ctg-retired-row-typed-over.cases';
import './ctg-key-list-gap.cases';
import './journal-round-trip.cases';
import './contributions.cases';
import './axis-filter.cases';
import './regenerate-ao.cases';
import './workbook-state.cases';
import './regenerate.cases';
import './ctg-typed-under-retired-keys.cases';
import './ctg-cleared-retired-row.cases';
import './cell-notes-rewrite.cases';
import './ctg-key-list-type-changed.cases';
import './ctg-key-list-damaged-advice.cases';
import './field-table.cases';
import './plan-figures.cases';
import './former-steering-calendar.cases';
import './criterion-title-cleared.cases';
