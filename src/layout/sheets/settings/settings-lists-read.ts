import { gridCell, type SheetGrid } from '../../../domain/grid';
import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { shownCellContent } from '../../../domain/messages/shown-cell-value';
import type { Period } from '../../../domain/plan';
import { cellAddress } from '../../a1';
import { LISTS_FIRST_ROW, settingsLists, settingsListValues } from './settings-layout';
import { labelsOutOfPlace, type SettingsReading } from './settings-read';

/**
 * The values of Paramètres' lists changed by hand (docs/WORKBOOK.md, « Paramètres »). The lists are the tools': the
 * axis sheets' drop-down lists offer what the cells hold, but the domain, the formulas and the merge know only the
 * tools' values, and every rewrite writes them back. So a value changed there (or a formula typed in its place) is
 * an error at its cell, and nothing is rewritten until it is put back: what was typed is never written over. An
 * emptied cell loses nothing (the rewrite fills it again); spaces around a value are no change.
 *
 * `period` is the convention's, whose quarters a rewrite writes in the quarters' list. That list is checked only
 * while Paramètres shows the same dates: otherwise a date was changed by hand, and that error is told instead of one
 * per quarter. Nothing is checked while a label moved or is gone (its own error): the lists moved with it.
 */
export function checkSettingsLists(grid: SheetGrid, reading: SettingsReading, period: Period): WorkbookIssue[] {
  if (labelsOutOfPlace(reading)) return [];
  const datesShown = reading.settings.periodStart === period.start && reading.settings.periodEnd === period.end;
  const issues: WorkbookIssue[] = [];
  for (const list of settingsLists) {
    if (list.id === 'quarters' && !datesShown) continue;
    settingsListValues(list.id, period).forEach((expected, index) => {
      const row = LISTS_FIRST_ROW + index;
      const cell = gridCell(grid, row, list.column);
      if (!cell || (cell.formula === undefined && (cell.value === null || String(cell.value).trim() === ''))) return;
      if (cell.formula === undefined && typeof cell.value === 'string' && cell.value.trim() === expected) return;
      const value = shownCellContent(cell);
      issues.push(
        createIssue(
          'settings-list-value-changed',
          { sheet: grid.name, cell: cellAddress(row, list.column) },
          { list: list.header, expected, value },
        ),
      );
    });
  }
  return issues;
}
