/** @jest-environment jsdom */
// The pane's creation tasks: the plan, generating the workbook, rebuilding it, files. One suite for the four
// files of cases, so that jsdom, React and Fluent UI (about 2 000 modules) load once, not once per file: about
// 3 s of each suite's time went to that alone.
import './plan-preview.cases';
import './generate.cases';
import './regenerate-ao.cases';
import './files.cases';
