// Short cases of tests/merge: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own), so
// that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short suites
// of the other folders).
import './sorted-master.cases';
import './number-texts.cases';
import './retired-row-return.cases';
import './invisible-characters.cases';
import './line-breaks.cases';
import './percent-in-text-cell.cases';
import './partner-notes.cases';
import './merged-cells.cases';
import './long-returned-values.cases';
import './confirmed-values.cases';
import './officer-changes.cases';
import './merge-back-ends.cases';
import './merge.property.cases';
import './personal-data-erased.cases';
import './hostile-returns.cases';
import './closed-quarter.cases';
import './shared-cells.cases';
import './stale-return.cases';
import './recipient-checks.cases';
import './take-by-file.cases';
import './other-convention.cases';
import './control-characters.cases';
