import type { GridCell, SheetGrid, WorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { cellJournalValue, emptyValue, textValue, type JournalValue } from '../domain/journal';
import { shownCellValue } from '../domain/messages/shown-cell-value';
import { settingsRows, settingsValueCell, SETTINGS_VALUE_COLUMN } from '../layout/sheets/settings/settings-layout';
import { sheetNames } from '../layout/texts';

/**
 * Paramètres' current-quarter cell (B9) in grids as read. A quarter chosen in the pane or with `--quarter` must be
 * able to repair a Q typed wrong by hand (empty, `2027 T2`, outside the convention, a date, a formula), which
 * validation otherwise refuses before any choice is made.
 */

const settingsOf = (grids: WorkbookGrids): SheetGrid | undefined =>
  grids.sheets.find((sheet) => sheet.name === sheetNames.settings);

/** True when every problem is the current-quarter cell itself (and there is at least one). */
export function onlyCurrentQuarterCell(issues: readonly Issue[]): boolean {
  const cell = settingsValueCell('currentQuarter');
  const errors = issues.filter((issue) => issue.severity === 'error');
  return errors.length > 0 && errors.every((issue) => issue.sheet === sheetNames.settings && issue.cell === cell);
}

/**
 * What the current-quarter cell held before a choice replaced it, as typed: the Journal's value (a formula as its
 * text `=…`, never its result, so that the person can type it again; a date as a date) and the words that show it.
 */
export interface HeldContent {
  journal: JournalValue;
  /** As French Excel shows it (a formula as its text); '' when the cell was empty. */
  shown: string;
}

function heldContent(cell: GridCell | null | undefined): HeldContent {
  if (!cell) return { journal: emptyValue, shown: '' };
  if (cell.formula !== undefined) {
    const formula = `=${cell.formula}`;
    return { journal: textValue(formula), shown: formula };
  }
  return { journal: cellJournalValue(cell.value, cell.isDate), shown: shownCellValue(cell) };
}

/** The grids with the current-quarter cell holding `label` (other sheets shared), and what it held; null without Paramètres. */
export function withCurrentQuarterCell(
  grids: WorkbookGrids,
  label: string,
): { grids: WorkbookGrids; previous: HeldContent } | null {
  const settings = settingsOf(grids);
  if (!settings) return null;
  const [row, column] = [settingsRows.currentQuarter - 1, SETTINGS_VALUE_COLUMN - 1];
  const previous = heldContent(settings.rows[row]?.[column]);
  const rows = settings.rows.map((cells) => [...cells]);
  while (rows.length <= row) rows.push([]);
  while (rows[row].length < column) rows[row].push(null);
  const cell: GridCell = { value: label };
  rows[row][column] = cell;
  const patched: SheetGrid = { ...settings, rows };
  return {
    grids: { sheets: grids.sheets.map((sheet) => (sheet === settings ? patched : sheet)) },
    previous,
  };
}
