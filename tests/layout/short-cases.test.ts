// Short cases of tests/layout: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own),
// so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './criterion-defaults.cases';
import './axis-sheet.cases';
import './ctg-meta-migration.cases';
import './ctg-meta-read.cases';
import './formula-references.cases';
import './ctg-meta-typed-cells.cases';
import './axis-print.cases';
import './settings-read.cases';
import './sheet-registry.cases';
import './record-headers.cases';
