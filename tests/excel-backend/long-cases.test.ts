// Longer cases of tests/excel-backend, grouped as its short ones are: one suite for their files of cases (`*.cases.ts`,
// one job each, not run on their own), so that jest loads what they share once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './rewrite-round-trips.cases';
import './same-use-cases.cases';
import './hosts-and-existing-workbooks.cases';
import './never-half-written.cases';
import './changes-never-half-written.cases';
import './cell-changes.cases';
import './edits-during-rewrite.cases';
