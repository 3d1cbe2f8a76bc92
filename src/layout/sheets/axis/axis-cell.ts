import type { GridCell, SheetGrid } from '../../../domain/grid';
import type { CellKind, ListName, QuarterCells, RawValue, TrackingCell } from '../../../domain/tracking';
import type { AxisColumn } from './axis-columns';

/** An axis sheet's column as the reader found it (read-axis-sheet.ts). */
export interface MappedColumn {
  column: AxisColumn;
  /** 0-based column index in the grid. */
  index: number;
  /** A quarter column's label (`2026-T1`), made once for all its rows. */
  quarterLabel: string | null;
  /** The column's letters in the sheet (`AB`), for its cells' addresses. */
  letters: string;
}

/** A grid cell's value as a tracking value: a number that is not finite (never read from a file) as its text. */
export function rawOf(cell: GridCell | null | undefined): RawValue {
  const value = cell?.value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/**
 * A tracking cell of an axis sheet: its column's facts and its value, read from the column and the grid cell it
 * points to when asked. A workbook's rows hold a cell per used field column (thousands in a large plan), and their
 * quarter cells are made when asked (`AxisQuarterCells`): three references each rather than ten values and an
 * address text is what lets a consolidation read hundreds of workbooks without the garbage collector taking a third
 * of its time. Grids are never changed once read (use cases copy them), so a value read later is the value read now.
 */
export class AxisCell implements TrackingCell {
  constructor(
    private readonly mapped: MappedColumn,
    /** 1-based row. */
    private readonly row: number,
    private readonly cell: GridCell | null,
  ) {}

  get address(): string {
    return this.mapped.letters + this.row;
  }

  get header(): string {
    return this.mapped.column.header;
  }

  get kind(): CellKind {
    return this.mapped.column.kind;
  }

  get input(): boolean {
    return this.mapped.column.input;
  }

  get list(): ListName | undefined {
    return this.mapped.column.list;
  }

  get raw(): RawValue {
    return rawOf(this.cell);
  }

  get isDate(): boolean {
    return this.cell?.isDate === true;
  }

  get isPercent(): boolean | undefined {
    return this.cell?.isPercent === true ? true : undefined;
  }

  get isError(): boolean {
    return this.cell?.isError === true;
  }

  get formula(): string | undefined {
    return this.cell?.formula;
  }

  get uncalculatedFormula(): string | undefined {
    const cell = this.cell;
    return cell?.uncalculated && cell.formula !== undefined ? cell.formula : undefined;
  }
}

/** Rows of a grid may be sparse or hold anything a reader produced: take only well-formed cells. */
export function cellAt(grid: SheetGrid, rowIndex: number, columnIndex: number): GridCell | null {
  const row = grid.rows[rowIndex];
  return Array.isArray(row) ? wellFormedCell(row[columnIndex]) : null;
}

/** A slot of a grid row as a cell: null unless it holds one. */
export function wellFormedCell(slot: unknown): GridCell | null {
  return slot && typeof slot === 'object' ? (slot as GridCell) : null;
}

/** An axis sheet's quarter columns, by label: what every criterion row of the sheet shares. */
export interface SheetQuarterColumns {
  labels: readonly string[];
  byLabel: ReadonlyMap<string, MappedColumn>;
  /** The columns of `labels`, in its order. */
  columns: readonly MappedColumn[];
}

/** A criterion row's quarter cells (see `QuarterCells`): its grid row, each cell made when asked. */
export class AxisQuarterCells implements QuarterCells {
  constructor(
    private readonly columns: SheetQuarterColumns,
    private readonly grid: SheetGrid,
    /** 0-based row in the grid. */
    private readonly rowIndex: number,
  ) {}

  get labels(): readonly string[] {
    return this.columns.labels;
  }

  cell(label: string): TrackingCell | undefined {
    const mapped = this.columns.byLabel.get(label);
    return mapped && new AxisCell(mapped, this.rowIndex + 1, cellAt(this.grid, this.rowIndex, mapped.index));
  }

  forEachHeld(visit: (cell: TrackingCell, label: string) => void): void {
    const gridRow: unknown = this.grid.rows[this.rowIndex];
    if (!Array.isArray(gridRow)) return;
    const { columns, labels } = this.columns;
    for (let k = 0; k < columns.length; k++) {
      const cell = wellFormedCell(gridRow[columns[k].index]);
      if (cell) visit(new AxisCell(columns[k], this.rowIndex + 1, cell), labels[k]);
    }
  }
}
