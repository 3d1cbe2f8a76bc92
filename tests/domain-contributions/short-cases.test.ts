// Short cases of tests/domain-contributions: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads what they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './current-contributions.cases';
import './aggregate.property.cases';
