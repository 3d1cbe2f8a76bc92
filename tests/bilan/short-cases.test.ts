// Short cases of tests/bilan: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads what they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './bilan-closed-values.cases';
import './bilan-figures.cases';
import './bilan-refusals.cases';
