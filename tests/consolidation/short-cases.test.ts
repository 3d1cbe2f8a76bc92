// Short cases of tests/consolidation: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './blank-difficulties.cases';
import './convention-date-unreadable.cases';
import './several-structure-errors.cases';
import './hostile-files.cases';
import './consolidate.cases';
import './history-deleted.cases';
import './optional-columns.cases';
