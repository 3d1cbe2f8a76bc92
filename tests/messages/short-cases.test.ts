// Short cases of tests/messages: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own),
// so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './numbers.cases';
import './checked-extract.cases';
import './grouped-issues.cases';
import './typography.cases';
import './catalogue.cases';
import './french-formula.cases';
