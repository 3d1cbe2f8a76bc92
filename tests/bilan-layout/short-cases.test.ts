// Short cases of tests/bilan-layout: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './office-print.cases';
import './ao.cases';
import './fiches.cases';
import './synthesis.cases';
import './print.cases';
