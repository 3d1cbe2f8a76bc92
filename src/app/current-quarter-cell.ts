import type { GridCell, SheetGrid, WorkbookGrids } from '../domain/grid';
import type { Issue } from '../domain/issues';
import { settingsRows, settingsValueCell, SETTINGS_VALUE_COLUMN } from '../layout/sheets/settings/settings-layout';
import { sheetNames } from '../layout/texts';

/**
 * Paramètres' current-quarter cell (B9) in grids as read. A quarter chosen in the pane or with `--quarter` must be
 * able to repair a Q typed wrong by hand (empty, `2027 T2`, outside the convention), which validation otherwise
 * refuses before any choice is made.
 */

const settingsOf = (grids: WorkbookGrids): SheetGrid | undefined =>
  grids.sheets.find((sheet) => sheet.name === sheetNames.settings);

/** True when every problem is the current-quarter cell itself (and there is at least one). */
export function onlyCurrentQuarterCell(issues: readonly Issue[]): boolean {
  const cell = settingsValueCell('currentQuarter');
  const errors = issues.filter((issue) => issue.severity === 'error');
  return errors.length > 0 && errors.every((issue) => issue.sheet === sheetNames.settings && issue.cell === cell);
}

/** The grids with the current-quarter cell holding `label` (other sheets shared), and the text it held; null without Paramètres. */
export function withCurrentQuarterCell(
  grids: WorkbookGrids,
  label: string,
): { grids: WorkbookGrids; previous: string } | null {
  const settings = settingsOf(grids);
  if (!settings) return null;
  const [row, column] = [settingsRows.currentQuarter - 1, SETTINGS_VALUE_COLUMN - 1];
  const previous = settings.rows[row]?.[column]?.value;
  const rows = settings.rows.map((cells) => [...cells]);
  while (rows.length <= row) rows.push([]);
  while (rows[row].length < column) rows[row].push(null);
  const cell: GridCell = { value: label };
  rows[row][column] = cell;
  const patched: SheetGrid = { ...settings, rows };
  return {
    grids: { sheets: grids.sheets.map((sheet) => (sheet === settings ? patched : sheet)) },
    previous: previous === null || previous === undefined ? '' : String(previous),
  };
}
