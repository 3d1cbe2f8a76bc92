import { gridCell, gridText, type SheetGrid } from '../../../domain/grid';
import { createIssue, type WorkbookIssue } from '../../../domain/issues';
import { rowTypeOfKey } from '../../../domain/tracking';
import { matchListValue, rowTypes } from '../../../domain/vocabulary';
import { cellAddress } from '../../a1';
import { metaTexts } from '../../texts';
import { isEmptyKeyRow, retiredRowReading, type CtgBlockRows } from './ctg-meta-blocks';
import { KEY_COLUMNS } from './ctg-meta-layout';
import { shownContent } from './ctg-meta-typed-cells';

/**
 * A retired key's row whose key or type (or both) was changed by hand (`retiredRowReading`), or the block's title
 * (`retiredKeysTitle`: changed, or its row deleted), is the tools' record that keeps the keys from being given again,
 * damaged: no value of a person's to move elsewhere. An error at the changed cell says so and what to type back
 * (`ctg-retired-key-changed`); it refuses every rewrite until then, which would drop the row or the block. A row of the
 * block emptied by hand (keys of the tools' under it) has lost its key, which nothing in the workbook tells: a warning
 * at its key cell says so and how it might be taken back (`ctg-retired-key-cleared`); not an error, which could refuse
 * every rewrite for good, and the next rewrite writes the block without the row.
 */
export function changedRetiredKeyIssues(grid: SheetGrid, { retired }: CtgBlockRows): WorkbookIssue[] {
  if (retired === null) return [];
  const { title } = retired;
  const issues: WorkbookIssue[] = [];
  const sheet = grid.name;
  const titleRow = title.row;
  if (title.titleRowDeleted) {
    // Said at the block's first key, the row above which the title's row is to be inserted again.
    const cell = cellAddress(titleRow + 1, KEY_COLUMNS.key);
    const params = { changed: 'title-row-deleted', row: titleRow + 1, expected: metaTexts.retiredKeysTitle };
    issues.push(createIssue('ctg-retired-key-changed', { sheet, cell }, params));
  } else if (title.titleChanged) {
    const cell = cellAddress(titleRow, KEY_COLUMNS.key);
    const value = shownContent(gridCell(grid, titleRow, KEY_COLUMNS.key));
    const expected = metaTexts.retiredKeysTitle;
    issues.push(createIssue('ctg-retired-key-changed', { sheet, cell }, { changed: 'title', value, expected }));
  }
  for (let row = titleRow + 1; row < retired.end; row += 1) {
    const reading = retiredRowReading(grid, row);
    const key = gridText(grid, row, KEY_COLUMNS.key);
    if (isEmptyKeyRow(grid, row)) {
      issues.push(createIssue('ctg-retired-key-cleared', { sheet, cell: cellAddress(row, KEY_COLUMNS.key) }, { row }));
    } else if (reading === 'type-changed') {
      const expected = rowTypeOfKey(key) ?? '';
      const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type));
      // A criterion key and the other criterion type: the key's QN/QL may as well be the cell changed.
      if (type !== null && type !== 'Fiche' && expected !== 'Fiche') {
        const cell = cellAddress(row, KEY_COLUMNS.key);
        const typeCell = cellAddress(row, KEY_COLUMNS.type);
        issues.push(
          createIssue('ctg-retired-key-changed', { sheet, cell }, { changed: 'either', key, type, typeCell, expected }),
        );
        continue;
      }
      const cell = cellAddress(row, KEY_COLUMNS.type);
      const value = shownContent(gridCell(grid, row, KEY_COLUMNS.type));
      issues.push(createIssue('ctg-retired-key-changed', { sheet, cell }, { changed: 'type', key, value, expected }));
    } else if (reading === 'both-changed') {
      const cell = cellAddress(row, KEY_COLUMNS.key);
      const value = shownContent(gridCell(grid, row, KEY_COLUMNS.key));
      const type = shownContent(gridCell(grid, row, KEY_COLUMNS.type));
      const typeCell = cellAddress(row, KEY_COLUMNS.type);
      const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
      // Only a fiche's row has no parent key: its type is known still.
      const expected = parent === '' ? 'Fiche' : '';
      issues.push(
        createIssue(
          'ctg-retired-key-changed',
          { sheet, cell },
          { changed: 'both', value, type, typeCell, parent, expected },
        ),
      );
    } else if (reading === 'key-changed') {
      const cell = cellAddress(row, KEY_COLUMNS.key);
      const value = shownContent(gridCell(grid, row, KEY_COLUMNS.key));
      const type = matchListValue(rowTypes, gridText(grid, row, KEY_COLUMNS.type)) ?? '';
      const parent = gridText(grid, row, KEY_COLUMNS.parentKey);
      const isKey = rowTypeOfKey(key) !== null ? 'yes' : 'no';
      issues.push(
        createIssue('ctg-retired-key-changed', { sheet, cell }, { changed: 'key', value, type, parent, isKey }),
      );
    }
  }
  return issues;
}
