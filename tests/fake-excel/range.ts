import { MAX_COLUMNS, MAX_ROWS, Rect, rectIsValid, cellCount } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { SheetModel } from './model';
import { assertCellsWritable, assertFormatAllowed, assertSheetUnprotected } from './protection-rules';
import { FakeClientObject, defineProxyProperties } from './proxy';
import { FakeConditionalFormatCollection } from './conditional-formats';
import { FakeDataValidation } from './data-validation';
import { FakeRangeFormat } from './range-format';
import { checkGrid, readRangeProperty, writeRangeProperty } from './range-cells';
import { FakeRangeAreas } from './range-areas';

/** What a range needs from its worksheet proxy (kept as an interface to avoid an import cycle). */
export interface SheetHandle {
  resolveSheet(): SheetModel;
}

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const invalid = (message: string) => officeError(FakeErrorCodes.invalidArgument, message);

/** `Excel.Range`: values, formulas, number formats and the navigation to format, validation and conditional formats. */
export class FakeRange extends FakeClientObject {
  protected readonly typeName = 'Range';

  protected override instantiate(): void {
    this.target();
  }
  protected readonly scalarProperties = [
    'address',
    'addressLocal',
    'values',
    'formulas',
    'formulasLocal',
    'numberFormat',
    'text',
    'valueTypes',
    'rowCount',
    'columnCount',
    'cellCount',
    'rowIndex',
    'columnIndex',
    'isEntireColumn',
    'isEntireRow',
    'columnHidden',
    'rowHidden',
  ] as const;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare formulasLocal: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare columnHidden: boolean | null;
  declare rowHidden: boolean | null;

  private located: Rect | null | undefined;
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: FakeDataValidation;
  private conditionalFormatsProxy?: FakeConditionalFormatCollection;

  /** `locate` runs during sync; null means "no such range" (used range of a blank sheet). */
  constructor(
    context: FakeRequestContext,
    readonly worksheetHandle: SheetHandle,
    private readonly locate: (sheet: SheetModel) => Rect | null,
    orNull = false,
  ) {
    super(context);
    if (orNull) this.checkNullAtSync();
  }

  get worksheet(): unknown {
    return this.worksheetHandle;
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, this));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationProxy ??= new FakeDataValidation(this.context, this));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.conditionalFormatsProxy ??= new FakeConditionalFormatCollection(this.context, this));
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    if (name === 'worksheet') return this.worksheetHandle as unknown as FakeClientObject;
    return undefined;
  }

  protected override isMissing(): boolean {
    return this.locateOnce() === null;
  }

  private locateOnce(): Rect | null {
    if (this.located === undefined) this.located = this.locate(this.worksheetHandle.resolveSheet());
    return this.located;
  }

  /** The sheet and rectangle, resolved during sync (once: later changes do not move the range). */
  target(): RangeTarget {
    const sheet = this.worksheetHandle.resolveSheet();
    const rect = this.locateOnce();
    if (!rect) throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist.", 'Range');
    return { sheet, rect };
  }

  protected readProperty(name: string): unknown {
    const { sheet, rect } = this.target();
    // _docs_: « a range is limited to five million cells for get operations »; past it `values` may come back null
    // rather than fail (OfficeDev/office-js#4783, #6781: `values` and `text` of such a used range, on every platform).
    if (CELL_CONTENTS.has(name) && rect.rowCount * rect.columnCount > this.context.env.cellReadLimit) return null;
    return readRangeProperty(this.context.env.model, sheet, rect, name);
  }

  /**
   * Queues a cell write as Office.js does: a 2-D array of more than 1500 cells (ExcelApi 1.3+) becomes a size check
   * and one operation per block of about 1500 cells, so operation counts match the real runtime's.
   */
  protected queueCellWrite(name: string, value: unknown): void {
    const first = Array.isArray(value) ? value[0] : undefined;
    const columns = Array.isArray(first) ? first.length : 0;
    if (
      !Array.isArray(value) ||
      columns === 0 ||
      value.length * columns <= BULK_CELLS ||
      !this.context.env.supports('1.3')
    ) {
      this.queueWrite(name, value);
      return;
    }
    this.loadedValues.set(name, value);
    this.queueCall('_ValidateArraySize', [value.length, columns], () => void checkGrid(value, this.target().rect));
    const rowsPerChunk = Math.max(1, Math.round(BULK_CELLS / columns));
    for (let start = 0; start < value.length; start += rowsPerChunk) {
      const slice = value.slice(start, start + rowsPerChunk);
      this.context.enqueue({
        kind: 'write',
        statement: `Range.${name}`,
        payload: slice,
        // Office.js bounds each block by two rows of the range: three ranges more.
        ranges: 3,
        run: () => {
          const { sheet, rect } = this.target();
          writeRangeProperty(
            this.context.env.model,
            sheet,
            { ...rect, row: rect.row + start, rowCount: slice.length },
            name,
            slice,
          );
        },
      });
    }
  }

  protected override writeProperty(name: string, value: unknown): void {
    const { sheet, rect } = this.target();
    writeRangeProperty(this.context.env.model, sheet, rect, name, value);
  }

  private derive(name: string, make: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, this.worksheetHandle, (sheet) => {
      const base =
        this.locateOnce() ??
        (() => {
          throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist.", 'Range');
        })();
      void sheet;
      const rect = make(base);
      if (!rectIsValid(rect)) throw invalid(`Range.${name}: the resulting range is outside the sheet.`);
      return rect;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive('getCell', (b) => ({
      row: b.row + row,
      column: b.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive('getOffsetRange', (b) => ({ ...b, row: b.row + rowOffset, column: b.column + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive('getResizedRange', (b) => ({
      ...b,
      rowCount: b.rowCount + deltaRows,
      columnCount: b.columnCount + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derive('getAbsoluteResizedRange', (b) => ({ ...b, rowCount: numRows, columnCount: numColumns }));
  }

  /** The smallest range that holds this one and `other` (Office.js cuts bulk writes into blocks with it). */
  getBoundingRect(other: FakeRange): FakeRange {
    return this.derive('getBoundingRect', (b) => {
      const o =
        other.locateOnce() ??
        (() => {
          throw officeError(FakeErrorCodes.itemNotFound, "The requested resource doesn't exist.", 'Range');
        })();
      const row = Math.min(b.row, o.row);
      const column = Math.min(b.column, o.column);
      return {
        row,
        column,
        rowCount: Math.max(b.row + b.rowCount, o.row + o.rowCount) - row,
        columnCount: Math.max(b.column + b.columnCount, o.column + o.columnCount) - column,
      };
    });
  }

  /** The size check Office.js sends before a bulk write (`setRangePropertiesInBulk`). */
  _ValidateArraySize(rows: number, columns: number): void {
    this.queueCall('_ValidateArraySize', [rows, columns], () => {
      const { rect } = this.target();
      if (rect.rowCount !== rows || rect.columnCount !== columns)
        throw invalid('The number of rows or columns in the input array does not match the size of the range.');
    });
  }

  getRow(row: number): FakeRange {
    return this.derive('getRow', (b) => ({ ...b, row: b.row + row, rowCount: 1 }));
  }

  getColumn(column: number): FakeRange {
    return this.derive('getColumn', (b) => ({ ...b, column: b.column + column, columnCount: 1 }));
  }

  getLastRow(): FakeRange {
    return this.derive('getLastRow', (b) => ({ ...b, row: b.row + b.rowCount - 1, rowCount: 1 }));
  }

  getLastColumn(): FakeRange {
    return this.derive('getLastColumn', (b) => ({ ...b, column: b.column + b.columnCount - 1, columnCount: 1 }));
  }

  getLastCell(): FakeRange {
    return this.derive('getLastCell', (b) => ({
      row: b.row + b.rowCount - 1,
      column: b.column + b.columnCount - 1,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getEntireColumn(): FakeRange {
    return this.derive('getEntireColumn', (b) => ({ ...b, row: 0, rowCount: MAX_ROWS }));
  }

  getEntireRow(): FakeRange {
    return this.derive('getEntireRow', (b) => ({ ...b, column: 0, columnCount: MAX_COLUMNS }));
  }

  /** The part of the sheet's used range inside this range (its top-left cell when that part is blank). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.derive('getUsedRange', (b) => this.usedPart(b, valuesOnly) ?? { ...b, rowCount: 1, columnCount: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this.worksheetHandle,
      (sheet) => {
        const base = this.locateOnce();
        return base ? this.usedPart(base, valuesOnly, sheet) : null;
      },
      true,
    );
  }

  private usedPart(base: Rect, valuesOnly: boolean, sheet = this.worksheetHandle.resolveSheet()): Rect | null {
    const used = sheet.usedRect(valuesOnly);
    if (!used) return null;
    const row = Math.max(base.row, used.row);
    const column = Math.max(base.column, used.column);
    const lastRow = Math.min(base.row + base.rowCount, used.row + used.rowCount);
    const lastColumn = Math.min(base.column + base.columnCount, used.column + used.columnCount);
    return lastRow > row && lastColumn > column
      ? { row, column, rowCount: lastRow - row, columnCount: lastColumn - column }
      : null;
  }

  select(): void {
    this.queueCall('select', [], () => {
      const { sheet, rect } = this.target();
      if (sheet.visibility !== 'Visible')
        throw officeError(FakeErrorCodes.invalidOperation, 'A hidden sheet cannot be selected.');
      const model = this.context.env.model;
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, rect };
    });
  }

  /** The merged areas whose first cell is in the range (range-areas.ts); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.worksheetHandle, () => this.target().rect);
  }

  merge(across = false): void {
    this.queueCall(
      'merge',
      [across],
      () => {
        const { sheet, rect } = this.target();
        assertSheetUnprotected(sheet, 'merge');
        const parts = across
          ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 }))
          : [rect];
        for (const part of parts) if (cellCount(part) > 1) sheet.merges.push(part);
      },
      '1.2',
    );
  }

  unmerge(): void {
    this.queueCall(
      'unmerge',
      [],
      () => {
        const { sheet, rect } = this.target();
        assertSheetUnprotected(sheet, 'unmerge');
        for (let i = sheet.merges.length - 1; i >= 0; i--) {
          const m = sheet.merges[i];
          if (
            m.row >= rect.row &&
            m.column >= rect.column &&
            m.row + m.rowCount <= rect.row + rect.rowCount &&
            m.column + m.columnCount <= rect.column + rect.columnCount
          )
            sheet.merges.splice(i, 1);
        }
      },
      '1.2',
    );
  }

  /** Outline: one more level (at most 8) on every row, or column, of the range. */
  group(groupOption: string): void {
    this.queueCall('group', [groupOption], () => this.changeOutline(groupOption, +1), '1.10');
  }

  ungroup(groupOption: string): void {
    this.queueCall('ungroup', [groupOption], () => this.changeOutline(groupOption, -1), '1.10');
  }

  private changeOutline(groupOption: string, delta: number): void {
    const { sheet, rect } = this.target();
    assertSheetUnprotected(sheet, 'group');
    const byRows = groupOption === 'ByRows';
    if (!byRows && groupOption !== 'ByColumns') throw invalid(`Unknown group option ${groupOption}`);
    const levels = byRows ? sheet.rowOutline : sheet.columnOutline;
    const [start, count] = byRows ? [rect.row, rect.rowCount] : [rect.column, rect.columnCount];
    for (let i = start; i < start + count; i++) {
      const level = Math.max(0, Math.min(8, (levels.get(i) ?? 0) + delta));
      if (level === 0) levels.delete(i);
      else levels.set(i, level);
    }
  }

  /** `clear(applyTo)`: All (default), Contents or Formats. */
  clear(applyTo = 'All'): void {
    this.queueCall('clear', [applyTo], () => {
      const { sheet, rect } = this.target();
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      if (!contents && !formats) throw invalid(`Unsupported clear option ${applyTo}`);
      const inRect = [...sheet.storedCells()].filter(
        ([r, c]) =>
          r >= rect.row && r < rect.row + rect.rowCount && c >= rect.column && c < rect.column + rect.columnCount,
      );
      if (contents) {
        assertCellsWritable(
          sheet,
          rect,
          inRect.map(([r, c]) => [r, c] as [number, number]),
        );
        for (const [r, c] of inRect) sheet.setCell(r, c, null);
        this.context.env.model.engine.invalidate();
      }
      if (formats) {
        assertFormatAllowed(sheet, 'cells');
        sheet.formats.clearRect(rect);
        if (applyTo === 'All') sheet.validations.push({ rect, rule: null, ignoreBlanks: true });
      }
    });
  }

  calculate(): void {
    this.queueCall('calculate', [], () => this.context.env.model.engine.invalidate(), '1.6');
  }
}

/** What a range holds cell by cell: the properties read as 2-D arrays, bound by the cell read limit. */
const CELL_CONTENTS: ReadonlySet<string> = new Set([
  'values',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'text',
  'valueTypes',
]);

/** Office.js splits a 2-D write above this many cells (`setRangePropertiesInBulk`). */
const BULK_CELLS = 1500;

defineProxyProperties(FakeRange, {
  values: { writable: true, setter: 'queueCellWrite' },
  formulas: { writable: true, setter: 'queueCellWrite' },
  formulasLocal: { writable: true, setter: 'queueCellWrite' },
  numberFormat: { writable: true, setter: 'queueCellWrite' },
  columnHidden: { writable: true, api: '1.2' },
  rowHidden: { writable: true, api: '1.2' },
  address: {},
  addressLocal: {},
  text: {},
  valueTypes: {},
  rowCount: {},
  columnCount: {},
  cellCount: {},
  rowIndex: {},
  columnIndex: {},
  isEntireColumn: {},
  isEntireRow: {},
});
