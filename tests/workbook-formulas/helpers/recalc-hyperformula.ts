import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { CellValue, GridCell, WorkbookGrids } from '../../../src/domain/grid';
import { forHyperFormula } from '../../fake-excel/hyperformula-dialect';

/**
 * Recalculates grids read from a written file (values and formulas, as our reader returns them) with
 * HyperFormula: formulas become `=…`, texts get a leading `'` so that one looking like a number or a formula stays
 * text. Returns the grids with every formula cell holding its recalculated value.
 */
export function recalcWithHyperFormula(grids: WorkbookGrids): WorkbookGrids {
  return evaluate(grids, []).grids;
}

/** Evaluates extra formulas (invariant text without `=`) over the grids, in a scratch sheet of their own. */
export function evaluateFormulas(grids: WorkbookGrids, formulas: readonly string[]): CellValue[] {
  return evaluate(grids, formulas).extra;
}

function evaluate(grids: WorkbookGrids, formulas: readonly string[]): { grids: WorkbookGrids; extra: CellValue[] } {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of grids.sheets) {
    sheets[sheet.name] = sheet.rows.map((row) =>
      (row ?? []).map((cell): RawCellContent => {
        if (!cell) return null;
        if (cell.formula !== undefined) return `=${forHyperFormula(cell.formula)}`;
        if (typeof cell.value === 'string') return `'${cell.value}`;
        return cell.value;
      }),
    );
  }
  sheets.Check = formulas.map((formula) => [`=${formula}`]);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    smartRounding: false,
    useArrayArithmetic: true,
  });
  try {
    const checkId = hf.getSheetId('Check')!;
    const extra = formulas.map((_, index) => {
      const value = hf.getCellValue({ sheet: checkId, row: index, col: 0 });
      return value !== null && typeof value === 'object' ? value.value : value;
    });
    const recalculated: WorkbookGrids = {
      sheets: grids.sheets.map((sheet) => {
        const id = hf.getSheetId(sheet.name)!;
        const values = hf.getSheetValues(id);
        return {
          ...sheet,
          rows: sheet.rows.map((row, r) =>
            (row ?? []).map((cell, c): GridCell | null => {
              if (!cell || cell.formula === undefined) return cell;
              const value = values[r]?.[c];
              if (value !== null && typeof value === 'object') return { ...cell, value: value.value, isError: true };
              return { ...cell, value: value ?? null };
            }),
          ),
        };
      }),
    };
    return { grids: recalculated, extra };
  } finally {
    hf.destroy();
  }
}
