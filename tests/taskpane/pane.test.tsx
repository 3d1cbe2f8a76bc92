/** @jest-environment jsdom */
// The pane's tasks, one suite for all their files of cases (`*.cases.tsx`, one job each, not run on their own), so
// that jsdom, React and Fluent UI (about 2 000 modules) load once, and the embedded plan's workbook is generated once
// (support/shared-workbook.ts), not once per file: about 3 s of each suite's time went to that alone.
// The creation tasks: the plan, generating the workbook, rebuilding it, files.
import './plan-preview.cases';
import './generate.cases';
import './regenerate-ao.cases';
import './files.cases';
// The work of the quarter: checking the workbook, « Calculer » and « Clôturer le trimestre », their round trips,
// and the line about Excel's « Annuler ».
import './validate.cases';
import './follow-up.cases';
import './follow-up-round-trips.cases';
import './excel-undo-line.cases';
import './one-task-at-a-time.cases';
// « Partenaires »: extracts to send, returned files merged after a preview, the merge undone.
import './partners-extract.cases';
import './partners-merge.cases';
import './partners-merge-choices.cases';
import './excel-error-bar.cases';
import './ambiguous-takes-bar.cases';
// The tasks for the Caf: the consolidation of territories' workbooks and the bilans.
import './consolidation.cases';
import './consolidation-summary.cases';
import './consolidation-nothing-kept.cases';
import './consolidation-failures.cases';
import './bilan.cases';
