/** @jest-environment jsdom */
// The pane's « Partenaires » task: extracts to send, returned files merged after a preview, the merge undone. One
// suite for its files of cases, so that jsdom, React and Fluent UI load once.
import './partners-extract.cases';
import './partners-merge.cases';
import './partners-merge-choices.cases';
import './excel-error-bar.cases';
