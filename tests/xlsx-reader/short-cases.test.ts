// Short cases of tests/xlsx-reader: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './date-formats.cases';
import './shared-formula.cases';
import './handcrafted.cases';
import './writers.cases';
import './part-text.cases';
import './saved-at.cases';
import './messages.cases';
import './properties.cases';
