import type { Issue } from '../issues';
import { quarterLabel, type Quarter } from '../periods';
import type { AxisSheetReading } from '../tracking';
import { isBlank } from '../tracking-values';
import { createIssue } from '../issues';
import { at, shown } from './row-cells';

/**
 * « Abandonnée en » (docs/WORKBOOK.md, « Abandoned fiches »): empty, or a quarter of the convention `AAAA-Tn`. Anything
 * else is an error at the cell: the formulas and the figures would read the fiche as not abandoned.
 */
export function checkAbandonmentQuarters(sheets: readonly AxisSheetReading[], quarters: readonly Quarter[]): Issue[] {
  const issues: Issue[] = [];
  for (const row of sheets.flatMap((sheet) => sheet.rows)) {
    if (row.type !== 'fiche' || row.abandonedIn !== null) continue;
    const cell = row.cells.abandonedIn;
    if (!cell || isBlank(cell.raw)) continue;
    issues.push(
      createIssue('abandoned-in-invalid', at(row, cell), {
        header: cell.header,
        value: shown(cell),
        first: quarterLabel(quarters[0]),
        last: quarterLabel(quarters[quarters.length - 1]),
      }),
    );
  }
  return issues;
}
