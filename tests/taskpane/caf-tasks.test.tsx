/** @jest-environment jsdom */
// The pane's tasks for the Caf: the consolidation of territories' workbooks (picked files, its summary, every file
// left out, a failure no check foresaw) and the bilans. One suite for the files of cases, so that jsdom, React and
// Fluent UI load once, not once per file.
import './consolidation.cases';
import './consolidation-summary.cases';
import './consolidation-nothing-kept.cases';
import './consolidation-failures.cases';
import './bilan.cases';
