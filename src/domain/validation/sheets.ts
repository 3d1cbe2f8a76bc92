import type { Issue } from '../issues';
import { createIssue } from './issue-codes';

/** Every expected sheet (Paramètres, _ctg, each `Axe N` the key list needs) that the workbook lacks. */
export function missingSheetIssues(expectedSheets: readonly string[], presentSheets: readonly string[]): Issue[] {
  const present = new Set(presentSheets);
  return [...new Set(expectedSheets)]
    .filter((name) => !present.has(name))
    .map((name) => createIssue('missing-sheet', { sheet: name, cell: null, rowKey: null }, { sheetName: name }));
}
