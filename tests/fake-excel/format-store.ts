import { MAX_COLUMNS, Rect, cellCount, isEntireColumns, isEntireRows, rectContains } from './a1';

/** Every per-cell format the fake keeps. Defaults are Excel's for a new workbook. */
export interface CellFormat {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  fontName: string;
  fontSize: number;
  fontColor: string;
  fillColor: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  locked: boolean;
  formulaHidden: boolean;
}

export const DEFAULT_FORMAT: CellFormat = {
  numberFormat: 'General',
  bold: false,
  italic: false,
  underline: 'None',
  fontName: 'Aptos Narrow',
  fontSize: 11,
  fontColor: '#000000',
  fillColor: null,
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  locked: true,
  formulaHidden: false,
};

type Key = keyof CellFormat;
interface Entry {
  value: unknown;
  seq: number;
}
interface Layer {
  rect: Rect;
  key: Key;
  value: unknown;
  seq: number;
}

/** Past this many cells a format is kept as one rectangle layer rather than cell by cell (whole columns). */
const PER_CELL_LIMIT = 4096;

/**
 * Formats cell by cell for small ranges and as ordered layers for large ones (a whole column set to `@`), so that
 * the latest write wins either way without expanding a million cells.
 */
export class FormatStore {
  private seq = 0;
  private readonly cells = new Map<number, Map<Key, Entry>>();
  private readonly layers: Layer[] = [];

  /**
   * A copy of the store (checkpoint.ts). Its cells' entries are its own, never handed out nor shared: copied as
   * they are, without going through `copyShared`, which copies the rest (the layers: their rectangles may be
   * shared with the workbook's other records) keeping what two places shared.
   */
  copy(copyShared: <T>(value: T) => T): FormatStore {
    const copy = new FormatStore();
    copy.seq = this.seq;
    for (const [id, entries] of this.cells) {
      const copied = new Map<Key, Entry>();
      entries.forEach(({ value, seq }, key) => copied.set(key, { value: copyShared(value), seq }));
      copy.cells.set(id, copied);
    }
    copy.layers.push(...copyShared(this.layers));
    return copy;
  }

  setRect<K extends Key>(rect: Rect, key: K, value: CellFormat[K]): void {
    if (cellCount(rect) > PER_CELL_LIMIT) {
      this.layers.push({ rect, key, value, seq: ++this.seq });
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r++)
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) this.setCell(r, c, key, value);
  }

  setCell<K extends Key>(row: number, column: number, key: K, value: CellFormat[K]): void {
    const id = row * MAX_COLUMNS + column;
    let entries = this.cells.get(id);
    if (!entries) this.cells.set(id, (entries = new Map()));
    entries.set(key, { value, seq: ++this.seq });
  }

  get<K extends Key>(row: number, column: number, key: K): CellFormat[K] {
    const entry = this.cells.get(row * MAX_COLUMNS + column)?.get(key);
    const floor = entry?.seq ?? -1;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      if (layer.seq <= floor) break;
      if (layer.key === key && rectContains(layer.rect, row, column)) return layer.value as CellFormat[K];
    }
    return entry ? (entry.value as CellFormat[K]) : DEFAULT_FORMAT[key];
  }

  /** Removes every format of the rectangle (back to defaults), as `range.clear('Formats')` does. */
  clearRect(rect: Rect): void {
    for (const key of Object.keys(DEFAULT_FORMAT) as Key[]) this.setRect(rect, key, DEFAULT_FORMAT[key]);
  }

  /**
   * Cells with a format of their own, plus the corners of bounded layers: what "used" means for formats. By key
   * (`row * MAX_COLUMNS + column`), as the cells are kept: asked of every sheet at each read.
   */
  formattedCellKeys(): Iterable<number>[] {
    const corners: number[] = [];
    for (const { rect } of this.layers) {
      if (isEntireColumns(rect) || isEntireRows(rect)) continue;
      corners.push(rect.row * MAX_COLUMNS + rect.column);
      corners.push((rect.row + rect.rowCount - 1) * MAX_COLUMNS + rect.column + rect.columnCount - 1);
    }
    return [this.cells.keys(), corners];
  }
}
