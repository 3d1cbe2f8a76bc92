// Short cases of tests/domain-rates: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './steering-calendar.cases';
import './abandoned.cases';
import './from-tracking.cases';
import './summary.cases';
import './fill-rate.cases';
import './achievement.cases';
import './ao-seed.cases';
import './ao-requirements.cases';
import './rates-properties.cases';
