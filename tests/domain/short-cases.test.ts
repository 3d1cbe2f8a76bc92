// Short cases of tests/domain: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own),
// so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short
// suites of the other folders).
import './skipped-sheet.cases';
import './ended-quarters.cases';
import './schema-issue.cases';
import './consolidation-left-out-convention.cases';
import './consolidation-names.cases';
import './recipients.cases';
import './consolidation-duplicates.cases';
import './key-list-fingerprint.cases';
