// Longer cases of tests/typed-input, grouped as its short ones are: one suite for their files of cases (`*.cases.ts`,
// one job each, not run on their own), so that jest loads what they share once rather than once per file
// (docs/TOOLING.md, « Gotchas »: the short suites of the other folders).
import './convention-dates.cases';
import './dates-and-percents.cases';
import './formula-without-value.cases';
import './messages.cases';
import './notes-under-axis-table.cases';
import './ao-table-gaps.cases';
import './text-stays-text-file.cases';
