import type { WorkbookGrids } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { holdsReturnedTable } from './merge/returned-table';

/** An axis sheet of a returned extract that its recipient renamed: its name in the extract, and in the file. */
export interface RenamedSheet {
  expected: string;
  renamed: string;
}

/**
 * The sheets validation finds renamed (`missing-sheet` naming `renamedAs`, told by the keys they hold) that the merge
 * reads all the same, as it reads any sheet with a `Clé` table but the tools' own (returned-table.ts): in a returned
 * extract, their names are no error to correct.
 */
export function renamedSheetsMergeReads(issues: readonly Issue[], grids: WorkbookGrids): RenamedSheet[] {
  return issues.flatMap((issue) => {
    const { sheetName, renamedAs } = issue.params;
    if (issue.code !== 'missing-sheet' || typeof sheetName !== 'string' || typeof renamedAs !== 'string') return [];
    const grid = grids.sheets.find((sheet) => sheet.name === renamedAs);
    return grid && holdsReturnedTable({ sheets: [grid] }) ? [{ expected: sheetName, renamed: renamedAs }] : [];
  });
}

/** The grids with each renamed sheet under the name the tools gave it, to be read and checked as that sheet. */
export function withNamesBack(grids: WorkbookGrids, renamed: readonly RenamedSheet[]): WorkbookGrids {
  const expectedOf = new Map(renamed.map(({ expected, renamed: name }) => [name, expected]));
  return { sheets: grids.sheets.map((grid) => ({ ...grid, name: expectedOf.get(grid.name) ?? grid.name })) };
}

/**
 * The issues of the grids `withNamesBack` gave, each on its sheet as the file names it (the sheet to open, the one
 * the message names), and a warning per renamed sheet that says the merge reads it anyway.
 */
export function underFileNames(issues: readonly Issue[], renamed: readonly RenamedSheet[]): Issue[] {
  const renamedOf = new Map(renamed.map(({ expected, renamed: name }) => [expected, name]));
  const inFile = (sheet: string | null) => (sheet === null ? null : (renamedOf.get(sheet) ?? sheet));
  const warnings = renamed.map(({ expected, renamed: name }) =>
    createIssue('extract-sheet-renamed', { sheet: name, cell: null }, { sheetName: expected, renamedAs: name }),
  );
  const moved = issues.map((issue) => {
    // `duplicate-key` names the sheet of the key's first row too.
    const { firstSheet } = issue.params;
    const params = typeof firstSheet === 'string' ? { ...issue.params, firstSheet: inFile(firstSheet) } : issue.params;
    return { ...issue, sheet: inFile(issue.sheet), params };
  });
  return [...warnings, ...moved];
}
