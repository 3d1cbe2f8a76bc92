// Short cases of tests/validation: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './boolean-in-number-cell.cases';
import './completeness.cases';
import './copied-row-values.cases';
import './key-typed-over.cases';
import './seed-workbook.cases';
import './date-as-text.cases';
import './stored-axes.cases';
import './renamed-column.cases';
import './domain-helpers.cases';
import './sheets-named-as-the-tools.cases';
import './lost-axis-sheets.cases';
import './merged-cells.cases';
import './abandonment-agreement.cases';
import './robustness.cases';
import './rules.cases';
import './minus-signs.cases';
import './formula-typed-as-text.cases';
import './outside-vocabulary.cases';
import './plan-column-emptied.cases';
