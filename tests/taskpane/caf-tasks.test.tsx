/** @jest-environment jsdom */
// The pane's tasks for the Caf: the consolidation of territories' workbooks (picked files, its summary) and the
// bilans. One suite for the three files of cases, so that jsdom, React and Fluent UI load once, not once per file.
import './consolidation.cases';
import './consolidation-summary.cases';
import './bilan.cases';
