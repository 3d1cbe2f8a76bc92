// Cases of tests/cli on the other commands (merge, validate, generate, plan, extract, their outputs): one suite for
// their files of cases (`*.cases.ts`, one job each, not run on their own), so that jest loads the command line,
// ExcelJS and the readers once rather than once per file (docs/TOOLING.md, « Gotchas »: the short suites of the other
// folders).
import './merge-command.cases';
import './merge-grouped-refusals.cases';
import './merge-nothing-filled.cases';
import './tool-output-given.cases';
import './validate-errors-first.cases';
import './merged-cells.cases';
import './validate-other-formats.cases';
import './backup-output.cases';
import './plan-refusals.cases';
import './counts-in-french.cases';
import './generate-over-unreadable.cases';
import './compute-ctg-typed-cells.cases';
import './generate-over-ao.cases';
import './extract-file-names-alike.cases';
import './regenerate-earlier-keys.cases';
import './lowercase-after-colon.cases';
import './plan-command.cases';
import './interrupted-conversion.cases';
import './extract-given.cases';
