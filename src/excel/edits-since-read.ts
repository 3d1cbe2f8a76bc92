import type { CellContent } from '../layout/workbook-spec';
import type { GridCell, SheetGrid } from '../app/port';
import { cellAddress } from '../layout/a1';
import { sameFormula } from '../layout/formula-references';
import { ExcelWorkbookError } from './excel-errors';
import { editedDuringRewriteText, type EditOutcome, type EditsDuringRewrite } from './excel-texts';
import { formulaWritten, gridOfRange } from './grid-from-range';

/**
 * Excel does not lock the workbook while an add-in works: between the read of a rewrite and its write, or between
 * two requests of a write, a person may type. A rewrite loads again, in the request that overwrites or just before
 * the one that deletes, what it is about to replace, and compares it with what it read: a cell that differs is a
 * person's edit, which the rewrite must not lose.
 */

export interface EditedCell {
  sheet: string;
  row: number;
  column: number;
  /** What the cell holds now (the person's value). */
  now: CellContent;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** A cell's content from what Office.js loaded (`values` and `formulas` of the same cell). */
export function loadedContent(value: unknown, written: unknown): CellContent {
  const formula = formulaWritten(written, value);
  if (formula !== null) return { formula, result: (value ?? null) as string | number | boolean | null };
  return isEmpty(value) ? null : (value as string | number | boolean);
}

/**
 * Whether a person changed the cell: another formula, another constant. A formula's result may differ (Excel
 * computes it).
 */
export function sameContent(before: CellContent | undefined, now: CellContent): boolean {
  const formulaOf = (content: CellContent | undefined) =>
    content !== null && typeof content === 'object' ? content.formula : null;
  const a = formulaOf(before);
  const b = formulaOf(now);
  if (a !== null || b !== null) return a !== null && b !== null && sameFormula(a, b);
  if (isEmpty(before) || isEmpty(now)) return isEmpty(before) && isEmpty(now);
  return before === now;
}

/**
 * Queues the load of sheets' used ranges (values and formulas); the returned function gives them as grids, null
 * when Excel withheld the cells (past its five million cells a get gives null: read in bands then).
 */
export function queueSheetsLook(
  worksheets: Excel.WorksheetCollection,
  names: readonly string[],
): () => SheetGrid[] | null {
  const loaded = names.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('values, formulas, rowIndex, columnIndex');
    return { name, range };
  });
  return () => {
    if (loaded.some(({ range }) => !range.isNullObject && (range.values === null || range.formulas === null)))
      return null;
    return loaded.map(({ name, range }) =>
      gridOfRange(
        name,
        'Visible',
        range.isNullObject
          ? null
          : {
              rowIndex: range.rowIndex,
              columnIndex: range.columnIndex,
              values: range.values,
              formulas: range.formulas,
              numberFormat: [],
              valueTypes: [],
            },
      ),
    );
  };
}

const contentOf = (cell: GridCell | null | undefined): CellContent =>
  !cell ? null : cell.formula !== undefined ? { formula: cell.formula, result: cell.value } : cell.value;

/** The cells of a sheet that hold something else now than when it was read. */
export function editedBetween(read: SheetGrid, now: SheetGrid): EditedCell[] {
  const edited: EditedCell[] = [];
  const rows = Math.max(read.rows.length, now.rows.length);
  for (let r = 0; r < rows; r += 1) {
    const columns = Math.max(read.rows[r]?.length ?? 0, now.rows[r]?.length ?? 0);
    for (let c = 0; c < columns; c += 1) {
      const held = contentOf(now.rows[r]?.[c]);
      if (!sameContent(contentOf(read.rows[r]?.[c]), held))
        edited.push({ sheet: read.name, row: r + 1, column: c + 1, now: held });
    }
  }
  return edited;
}

/**
 * A rewrite stopped before its switch on purpose (a person's edit, or the look at the old sheets refused): the
 * recovery gives the old workbook back and never sends the switch again.
 */
export class StopBeforeSwitch extends ExcelWorkbookError {}

export function stopsBeforeSwitch(error: unknown): boolean {
  return error instanceof StopBeforeSwitch;
}

/** A person's edit found during a rewrite: the cells it names (`Axe 1!L4`), the sheets whose notes changed. */
class EditedDuringRewrite extends StopBeforeSwitch {
  constructor(
    readonly edits: EditsDuringRewrite,
    outcome: EditOutcome = 'undone',
  ) {
    super('EditedDuringRewrite', editedDuringRewriteText(edits, outcome));
  }
}

/** The French refusal naming the cells a person changed, and the sheets whose notes or comments they changed. */
export function editedDuringRewrite(
  cells: readonly EditedCell[],
  noteSheets: readonly string[] = [],
): ExcelWorkbookError {
  return new EditedDuringRewrite({
    cells: cells.map((cell) => `${cell.sheet}!${cellAddress(cell.row, cell.column)}`),
    noteSheets,
  });
}

/**
 * The failure a cell change's refused undo throws: a person's edit then says that their value, written over, may
 * not be back (it says otherwise that it is kept); any other failure as it is.
 */
export function undoRefused(failure: unknown): unknown {
  return failure instanceof EditedDuringRewrite
    ? new EditedDuringRewrite(failure.edits, 'cells-not-restored')
    : failure;
}

/**
 * The failure a whole rewrite's refused recovery throws: a person's edit then says the rewrite stopped before their
 * sheets were replaced (not that it was undone: its new sheets may stay); any other failure as it is.
 */
export function recoveryRefused(failure: unknown): unknown {
  return failure instanceof EditedDuringRewrite ? new EditedDuringRewrite(failure.edits, 'sheets-left') : failure;
}
