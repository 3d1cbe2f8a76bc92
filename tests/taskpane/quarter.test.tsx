/** @jest-environment jsdom */
// The pane's work of the quarter: checking the workbook, « Calculer » and « Clôturer le trimestre », their round
// trips, and the line about Excel's « Annuler ». One suite for the files of cases, so that jsdom, React and
// Fluent UI (about 2 000 modules) load once, not once per file: about 3 s of each suite's time went to that alone.
import './validate.cases';
import './follow-up.cases';
import './follow-up-round-trips.cases';
import './excel-undo-line.cases';
import './one-task-at-a-time.cases';
