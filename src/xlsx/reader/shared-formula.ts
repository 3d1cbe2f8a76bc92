/**
 * Excel writes a filled-down formula once, on the first cell of the range (`<f t="shared" si="0" ref="…">`), and
 * only `<f t="shared" si="0"/>` on the others. A dependent's text is the master's with its relative references
 * moved by the distance between the two cells, which is what this does (the references found by
 * src/layout/formula-references.ts: string literals, quoted sheet names and bracketed parts are left alone); a
 * reference moved off the sheet becomes `#REF!`, as in Excel.
 */
import { areaText, replaceReferences, type Corner } from '../../layout/formula-references';
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW } from './limits';

function moved(anchored: boolean, at: number | null, by: number, max: number): number | null | undefined {
  if (at === null || anchored) return at;
  const to = at + by;
  return to >= 1 && to <= max ? to : undefined;
}

/** The corner moved, or null when it leaves the sheet. */
function movedCorner(corner: Corner, rows: number, cols: number): Corner | null {
  const row = moved(corner.rowFixed, corner.row, rows, EXCEL_MAX_ROW);
  const column = moved(corner.columnFixed, corner.column, cols, EXCEL_MAX_COLUMN);
  return row === undefined || column === undefined ? null : { ...corner, row, column };
}

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return replaceReferences(formula, ({ prefix, from, to }) => {
    const first = movedCorner(from, rows, cols);
    const last = to && movedCorner(to, rows, cols);
    return prefix + (first && (to === null || last) ? areaText(first, last) : '#REF!');
  });
}
