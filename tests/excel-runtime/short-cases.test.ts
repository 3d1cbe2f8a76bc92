// Short cases of tests/excel-runtime: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads what they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './utf8-length.cases';
import './row-bands.cases';
import './merged-areas.cases';
