import type { GridCell } from '../domain/grid';
import { createIssue, type Issue } from '../domain/issues';
import { shownCellValue } from '../domain/messages/shown-cell-value';

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
