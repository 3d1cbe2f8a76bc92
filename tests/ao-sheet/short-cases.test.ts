// Short cases of tests/ao-sheet: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own),
// so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './ao-refused-list-value.cases';
import './ao-sheet-seed.cases';
import './ao-sheet-engines.cases';
import './ao-sheet-property.cases';
