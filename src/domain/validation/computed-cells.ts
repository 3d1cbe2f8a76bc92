import { createIssue, type Issue } from '../issues';
import type { TrackingCell, TrackingRow } from '../tracking';
import { frenchPercent } from '../messages/numbers';
import { isBlank } from '../tracking-values';
import { at, shown } from './row-cells';

/**
 * What a rewrite would not keep in an axis table, each an error at its cell so that nothing is rewritten until the
 * person moves it (docs/WORKBOOK.md, « Issues »): a value typed over a rate (the rewrite puts the formula back), and
 * a formula with its result in any other cell (the tools keep values there: the rewrite would keep the result
 * alone).
 */

function cellIssue(row: TrackingRow, cell: TrackingCell): Issue | null {
  const formula = cell.formula;
  if (cell.kind === 'rate') {
    // An error value left by a paste of values is no one's typing: the formula put back loses nothing.
    const raw = cell.raw;
    if (formula !== undefined || cell.isError || isBlank(raw)) return null;
    // Shown as the person sees a rate: 0.3 is « 30 % ».
    const value = typeof raw === 'number' ? frenchPercent(raw) : shown(cell);
    return createIssue('value-in-computed-cell', at(row, cell), { header: cell.header, value });
  }
  // An error value (`#N/A`) is `text-is-error`'s or a wrong type's, a formula without result `formula-without-value`'s.
  if (formula === undefined || cell.isError || cell.uncalculatedFormula !== undefined) return null;
  return createIssue('formula-in-input-cell', at(row, cell), { header: cell.header, formula, value: shown(cell) });
}

export function checkComputedCells(rows: readonly TrackingRow[]): Issue[] {
  const issues: Issue[] = [];
  const check = (row: TrackingRow, cell: TrackingCell | undefined) => {
    const issue = cell ? cellIssue(row, cell) : null;
    if (issue) issues.push(issue);
  };
  for (const row of rows) {
    const cells = row.cells;
    for (const field in cells) check(row, cells[field as keyof typeof cells]);
    if (row.type === 'criterion') row.quarterCells.forEachHeld((cell) => check(row, cell));
  }
  return issues;
}
