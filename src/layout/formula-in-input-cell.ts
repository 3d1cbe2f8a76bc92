import { serialToIsoDate } from '../domain/excel-dates';
import type { GridCell } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { frenchDay, frenchNumber, frenchPercent } from '../domain/messages/numbers';

/** A cell's value as a person sees it in a message: « 15 431 », « 01/01/2026 », « 30 % », a text as it is. */
export function shownCellValue(cell: GridCell): string {
  const value = cell.value;
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  const day = cell.isDate ? serialToIsoDate(value) : null;
  if (day !== null) return frenchDay(day);
  return cell.isPercent ? frenchPercent(value) : frenchNumber(value);
}

/**
 * A formula with its result in a cell the tools read as a value (Paramètres, Compétences AO; an axis table's is
 * validation's, src/domain/validation/computed-cells.ts): a rewrite would write back the result alone, so it is an
 * error at its cell and nothing is rewritten until the person replaces it. A formula without a result is
 * `formula-without-value`'s, an error value another rule's. `place` names the cell: its table column (`header`) or
 * its label (`label`).
 */
export function formulaInInputCell(
  sheet: string,
  address: string,
  cell: GridCell | null | undefined,
  place: { header: string } | { label: string },
): Issue | null {
  if (!cell || cell.formula === undefined || cell.uncalculated || cell.isError) return null;
  return createIssue(
    'formula-in-input-cell',
    { sheet, cell: address },
    {
      ...place,
      formula: cell.formula,
      value: shownCellValue(cell),
    },
  );
}
