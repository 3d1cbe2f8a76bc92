/**
 * One worksheet part → its grid. Only `<sheetData>` is read, and on a whole read the merged ranges (`<mergeCell ref>`):
 * `<dimension>`, validations, conditional formats and the rest cost nothing whatever ranges they name. Each cell is
 * counted against the cell limit and laid in its row as it is kept (`place`), each row only as long as its last kept
 * cell, within the grid-slot limit.
 */
import type { CellValue, GridCell, SheetGrid, SheetVisibility } from '../../app/port';
import { UNREAD_FORMULA } from '../../domain/grid';
import type { NumberFormatKind } from './date-formats';
import { cellAddress as cellRef } from '../../layout/a1';
import { parseCellRef } from './cell-ref';
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW, type XlsxReadLimits } from './limits';
import { enoughRead, fail } from './read-error';
import { shiftFormula } from './shared-formula';
import { RichTextCollector } from './rich-text';
import { decodeOoxmlEscapes } from './text-escapes';
import { parseXmlPart, type PackageSource } from './xml-part';
import { decodeCheckedText, type ScanHandlers, type SheetDataSink } from './xml-scan';
import type { ZipEntry } from './zip-directory';

/** Days between Excel's 1900 and 1904 date systems: 1904-based dates are moved to 1900-based serials. */
const DAYS_1900_TO_1904 = 1462;
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What every sheet of one read shares: strings, date styles, and the cell and slot counts so far. */
export interface SheetContext {
  limits: XlsxReadLimits;
  /** null for a text over `maxCellTextChars` (src/xlsx/reader/shared-strings.ts). */
  sharedStrings: (string | null)[];
  dateStyles: (NumberFormatKind | null)[];
  date1904: boolean;
  cellCount: number;
  slotCount: number;
  sharedFormulaChars: number;
  /** See `XlsxSelectiveReadOptions.formulaTexts`. */
  formulaTexts: boolean;
  /** See `XlsxSelectiveReadOptions.sheetTails`. */
  sheetTails: boolean;
}

interface SharedFormulaMaster {
  text: string;
  row: number;
  col: number;
}

/** `t="d"` cells hold an ISO 8601 date-time; a 1900-system serial number is what every other writer stores. */
function isoToSerial(text: string): number | null {
  const time = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isFinite(time) ? (time - EXCEL_EPOCH) / MS_PER_DAY : null;
}

/** The cell types whose `<v>` is a text, whatever it looks like (the others are numbers, or a shared string's index). */
const TEXT_VALUE_TYPES = new Set(['str', 'inlineStr', 'b', 'e', 'd']);

/** LibreOffice's truth constants, as it writes them (`TRUE()`) or as a person may (`TRUE`). */
const TRUTH_CONSTANT = /^(TRUE|FALSE)(\(\))?$/i;

/**
 * LibreOffice saves a typed boolean as the formula `TRUE()` and a typed error as the formula `#N/A`: they are
 * constants, read as Excel writes them (no formula), so that a file reads the same whoever saved it last.
 */
function isConstantFormula(formula: string, cell: Omit<GridCell, 'formula'>): boolean {
  if (typeof cell.value === 'boolean') return TRUTH_CONSTANT.test(formula.trim());
  return cell.isError === true && formula.trim() === cell.value;
}

/** Whether a formula's text is read when a read leaves formula texts: no result, or LibreOffice's constants'. */
function needsText(value: Omit<GridCell, 'formula'> | null): boolean {
  return value === null || typeof value.value === 'boolean' || value.isError === true;
}

/** The longest text of LibreOffice's truth constants (`FALSE()`). */
const TRUTH_CONSTANT_CHARS = 7;

/**
 * LibreOffice saves a truth value typed in a cell of another type (a text or list cell) as the formula `TRUE()` or
 * `FALSE()` with the number 1 or 0 as its result: the truth value typed, as Excel would write it; null otherwise.
 */
function typedTruth(formula: string, cell: Omit<GridCell, 'formula'>): boolean | null {
  if (cell.value !== 0 && cell.value !== 1) return null;
  const constant = TRUTH_CONSTANT.exec(formula.trim());
  if (!constant) return null;
  const truth = constant[1].toUpperCase() === 'TRUE';
  return truth === (cell.value === 1) ? truth : null;
}

/** A number result a truth constant's formula may have: its text is short enough to read for `typedTruth`. */
const mayBeTruth = (value: Omit<GridCell, 'formula'> | null, chars: number) =>
  chars <= TRUTH_CONSTANT_CHARS && (value?.value === 0 || value?.value === 1);

/** The elements after `<sheetData>` whose attributes are read: a merged range's `ref`. */
const MERGED_RANGE_ELEMENTS: ReadonlySet<string> = new Set(['mergeCell']);

/**
 * The most `<mergeCell>` looked at in one sheet, a range or not. Merged ranges only explain cells a merge hides
 * (read empty, as they are saved), so those past it are left rather than the sheet refused, their attributes not
 * even made: a sheet a person made has a few dozen at most, and a sheet's tail costs no more than its cells.
 */
export const MAX_MERGED_RANGES = 10_000;

/** `D5:F5` as the grids give it (corners ordered, no `$`); null for no range of at least two cells inside the sheet. */
function mergedRangeOf(ref: string | undefined): string | null {
  const [first, last, extra] = (ref ?? '').replace(/\$/g, '').split(':');
  const [from, to] = [parseCellRef(first ?? ''), parseCellRef(last ?? '')];
  if (extra !== undefined || !from || !to) return null;
  const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
  const [left, right] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
  if (top < 1 || bottom > EXCEL_MAX_ROW || left < 1 || right > EXCEL_MAX_COLUMN) return null;
  if (top === bottom && left === right) return null;
  return `${cellRef(top, left)}:${cellRef(bottom, right)}`;
}

/** The most slots a new row is made with (`place`), its cells' included: a sheet's widest rows are tens of columns. */
const MAX_ROW_ROOM = 256;
/** Nulls to copy a new row from: a copy of part of it is a row with room for that many cells, in one allocation. */
const NULLS: null[] = Array.from({ length: MAX_ROW_ROOM }, () => null);

function emptyRow(width: number): (GridCell | null)[] {
  return width <= MAX_ROW_ROOM ? NULLS.slice(0, width) : Array.from({ length: width }, () => null);
}

/**
 * Reads a worksheet's events (saxes's path) or, through `sheetData`, the rows and cells the direct scanner reads
 * itself: both paths take the same steps (`startRow`, `startCell`, `cellValue`…), so they give the same grid.
 */
class SheetReader implements ScanHandlers {
  readonly sheetData: SheetDataSink = this;
  readonly onlyNamesOutsideCells = true;

  /** The sheet's dense rows, each cell laid in its place as it is kept (`place`). */
  private readonly rows: (GridCell | null)[][] = [];
  /**
   * The row being laid, made as wide as the row before it so that it is not grown cell by cell (each growth a copy:
   * a third of what a sheet's reading allocated), and its width so far; cut to that width when it ends. -1: none.
   */
  private roomyRow = -1;
  private roomyWidth = 0;
  /** The width of the last row given room, once cut: the room the next new row is given (up to `MAX_ROW_ROOM`). */
  private lastWidth = 0;
  /** The farthest row and column of a kept cell: where a sheet past the slot limit is said to be. */
  private farthestRow = 0;
  private farthestCol = 0;
  /** Past the slot limit: no more cells are laid out, and `grid` refuses the sheet. */
  private tooLarge = false;
  private readonly sharedFormulas = new Map<string, SharedFormulaMaster>();
  /** The sheet's merged ranges (`<mergeCell ref>`), in the file's order. */
  private readonly mergedRanges: string[] = [];
  /** The `<mergeCell>` looked at, up to `MAX_MERGED_RANGES`. */
  private mergeCellsSeen = 0;
  private readonly inlineText: RichTextCollector;

  private inSheetData = false;
  private inRow = false;
  private inCell = false;
  private inInlineString = false;
  private collecting: 'v' | 'f' | null = null;
  private buffer = '';

  private row = 0;
  private col = 0;
  private type = 'n';
  private style = 0;
  private valueText: string | null = null;
  /** A `<v>` the scanner read as an integer (`cellInteger`), in place of its text. */
  private valueInteger: number | null = null;
  private formulaText: string | null = null;
  /** A formula's checked bytes (`cellFormulaBytes`), its text made only if needed (`formulaTextOf`). */
  private formulaSource: Uint8Array | null = null;
  private formulaFrom = 0;
  private formulaTo = 0;
  private formulaKind: string | undefined = undefined;
  private formulaSharedIndex: string | undefined = undefined;
  private hasInlineString = false;

  constructor(
    private readonly context: SheetContext,
    private readonly sheetName: string,
  ) {
    this.inlineText = new RichTextCollector(context.limits.maxCellTextChars);
  }

  private badReference(ref: string): never {
    return fail('bad-cell-reference', { sheet: this.sheetName, ref });
  }

  open(name: string, attributes: Record<string, string>): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      else if (name === 'mergeCell' && this.attributesOutsideCells !== undefined) this.keepMergedRange(attributes.ref);
      return;
    }
    if (this.inCell) {
      if (this.inInlineString) this.inlineText.open(name);
      else if (name === 'v' || name === 'f') {
        this.collecting = name;
        this.buffer = '';
        if (name === 'f') [this.formulaKind, this.formulaSharedIndex] = [attributes.t, attributes.si];
      } else if (name === 'is') {
        this.inInlineString = true;
        this.hasInlineString = true;
        this.inlineText.reset();
      }
    } else if (name === 'row') this.startRow(attributes.r);
    else if (name === 'c' && this.inRow) this.startCell(attributes.r, attributes.t, attributes.s);
  }

  /**
   * The elements whose attributes the scanner makes outside the cells: `mergeCell`, on a read of the sheet's tail
   * (`sheetTails`, wherever the file writes them), until `MAX_MERGED_RANGES` of them are looked at.
   */
  get attributesOutsideCells(): ReadonlySet<string> | undefined {
    return this.context.sheetTails && this.mergeCellsSeen < MAX_MERGED_RANGES ? MERGED_RANGE_ELEMENTS : undefined;
  }

  private keepMergedRange(ref: string | undefined): void {
    this.mergeCellsSeen++;
    const range = mergedRangeOf(ref);
    if (range !== null) this.mergedRanges.push(range);
  }

  startRow(ref: string | undefined): void {
    const row = ref === undefined ? this.row + 1 : Number(ref);
    if (!Number.isInteger(row) || row < 1 || row > EXCEL_MAX_ROW) this.badReference(ref ?? String(row));
    this.inRow = true;
    this.row = row;
    this.col = 0;
  }

  endRow(): void {
    this.inRow = false;
    this.closeRoomyRow();
  }

  /** The row given room cut to its width: rows end as long as their last cell, whatever room they were given. */
  private closeRoomyRow(): void {
    if (this.roomyRow < 0) return;
    this.rows[this.roomyRow - 1].length = this.roomyWidth;
    this.lastWidth = this.roomyWidth;
    this.roomyRow = -1;
  }

  startCell(ref: string | undefined, type: string | undefined, style: string | undefined): void {
    if (ref !== undefined) {
      const position = parseCellRef(ref);
      if (!position || position.row < 1 || position.row > EXCEL_MAX_ROW || position.col > EXCEL_MAX_COLUMN) {
        this.badReference(ref);
      }
      this.row = position.row;
      this.col = position.col;
    } else {
      this.col++;
      if (this.col > EXCEL_MAX_COLUMN) this.badReference(cellRef(this.row, this.col));
    }
    this.openCell(type, style);
  }

  startCellAt(row: number, col: number, type: string | undefined, style: number): void {
    this.row = row;
    this.col = col;
    this.openCell(type, style);
  }

  emptyCellAt(row: number, col: number): void {
    this.row = row;
    this.col = col;
  }

  private openCell(type: string | undefined, style: string | number | undefined): void {
    this.inCell = true;
    this.type = type ?? 'n';
    this.style = style === undefined ? 0 : Number(style);
    this.valueText = null;
    this.valueInteger = null;
    this.formulaText = null;
    this.formulaSource = null;
    this.hasInlineString = false;
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    if (this.inInlineString) {
      if (name === 'is') this.inInlineString = false;
      else this.inlineText.close(name);
    } else if (this.collecting === name) {
      if (name === 'v') this.valueText = this.buffer;
      else this.formulaText = this.buffer;
      this.collecting = null;
    } else if (name === 'c' && this.inCell) this.endCell();
    else if (name === 'row') this.endRow();
    else if (name === 'sheetData') {
      this.inSheetData = false;
      if (!this.context.sheetTails) throw enoughRead;
    }
  }

  text(text: string): void {
    if (this.inInlineString) this.inlineText.text(text);
    else if (this.collecting) {
      this.buffer += text;
      this.checkLength(this.buffer);
    }
  }

  private checkLength(text: string): void {
    if (text.length > this.context.limits.maxCellTextChars) {
      fail('text-too-long', {
        sheet: this.sheetName,
        cell: cellRef(this.row, this.col),
        limit: this.context.limits.maxCellTextChars,
      });
    }
  }

  /** A cell's whole `<v>`: what its text events and its end tag amount to. */
  cellValue(text: string): void {
    this.checkLength(text);
    this.valueText = text;
    this.valueInteger = null;
  }

  cellInteger(value: number): void {
    this.valueText = null;
    this.valueInteger = value;
  }

  /** A cell's whole `<f>`. */
  cellFormula(text: string, kind: string | undefined, sharedIndex: string | undefined): void {
    this.checkLength(text);
    [this.formulaKind, this.formulaSharedIndex] = [kind, sharedIndex];
    this.formulaText = text;
    this.formulaSource = null;
  }

  get formulaTexts(): boolean {
    return this.context.formulaTexts;
  }

  cellFormulaBytes(bytes: Uint8Array, from: number, to: number): void {
    [this.formulaKind, this.formulaSharedIndex] = [undefined, undefined];
    this.formulaText = null;
    [this.formulaSource, this.formulaFrom, this.formulaTo] = [bytes, from, to];
  }

  /**
   * The text of a formula given as bytes: made where the cell has no result, or a truth value or an error (LibreOffice's
   * constants, `isConstantFormula`), or a result of 0 or 1 from a text short enough to be `TRUE()` (`typedTruth`), or
   * where it may pass the length limit; `UNREAD_FORMULA` elsewhere.
   */
  private formulaTextOf(value: Omit<GridCell, 'formula'> | null, source: Uint8Array): string {
    const [from, to] = [this.formulaFrom, this.formulaTo];
    if (from === to) return '';
    if (!needsText(value) && !mayBeTruth(value, to - from) && to - from <= this.context.limits.maxCellTextChars)
      return UNREAD_FORMULA;
    const text = decodeCheckedText(source, from, to);
    this.checkLength(text);
    return text;
  }

  endCell(): void {
    this.inCell = false;
    this.keepCell();
  }

  private keptValue(): Omit<GridCell, 'formula'> | null {
    const integer = this.valueInteger;
    if (integer !== null) {
      // What its text would give: a number or a shared string's index as is, any other type from the text.
      if (this.type === 's') return { value: this.sharedStringAt(integer) };
      if (!TEXT_VALUE_TYPES.has(this.type)) return this.styledNumber(integer);
    }
    const raw = integer === null ? this.valueText : String(integer);
    if (raw === null) return this.type === 'inlineStr' && this.hasInlineString ? { value: this.inlineString() } : null;
    switch (this.type) {
      case 'n':
        return this.numberValue(raw);
      case 's': {
        const text = this.sharedString(raw);
        return text === null ? null : { value: text };
      }
      case 'str':
      case 'inlineStr':
        return { value: this.hasInlineString ? this.inlineString() : decodeOoxmlEscapes(raw) };
      case 'b':
        return { value: raw.trim() === '1' || raw.trim() === 'true' };
      case 'e':
        return { value: raw.trim(), isError: true };
      case 'd': {
        const serial = isoToSerial(raw.trim());
        return serial === null ? { value: raw } : { value: serial, isDate: true };
      }
      default:
        return this.numberValue(raw);
    }
  }

  /** `Number` reads surrounding spaces too, and reads a blank text as 0: a blank `<v>` is an empty cell. */
  private numberValue(raw: string): Omit<GridCell, 'formula'> | null {
    const number = Number(raw);
    if (number === 0 && raw.trim() === '') return null;
    // A number cell whose text is not a number is kept as the text rather than dropped.
    if (!Number.isFinite(number)) return { value: raw };
    return this.styledNumber(number);
  }

  /** A number as its cell's style shows it: a date, a time, a percentage or a plain number. */
  private styledNumber(number: number): Omit<GridCell, 'formula'> {
    const kind = this.context.dateStyles[this.style];
    if (kind === 'date') return { value: this.context.date1904 ? number + DAYS_1900_TO_1904 : number, isDate: true };
    if (kind === 'time') return { value: number, isDate: true };
    if (kind === 'percent') return { value: number, isPercent: true };
    return { value: number };
  }

  /** The shared string a cell points to; null for a blank index (an empty cell). */
  private sharedString(raw: string): string | null {
    const index = Number(raw);
    if (index === 0 && raw.trim() === '') return null;
    if (!Number.isInteger(index)) this.badSharedString(raw.trim());
    return this.sharedStringAt(index);
  }

  private sharedStringAt(index: number): string {
    const strings = this.context.sharedStrings;
    if (index < 0 || index >= strings.length) this.badSharedString(String(index));
    return strings[index] ?? this.textTooLong();
  }

  private inlineString(): string {
    return this.inlineText.value() ?? this.textTooLong();
  }

  /** A text over Excel's limit, named at its cell. */
  private textTooLong(): never {
    return fail('text-too-long', {
      sheet: this.sheetName,
      cell: cellRef(this.row, this.col),
      limit: this.context.limits.maxCellTextChars,
    });
  }

  private badSharedString(index: string): never {
    return fail('bad-shared-string', { sheet: this.sheetName, cell: cellRef(this.row, this.col), index });
  }

  private formula(): string | null {
    const text = this.formulaText;
    const [kind, si] = [this.formulaKind, this.formulaSharedIndex];
    if (kind === 'dataTable') return null;
    if (kind === 'shared' && si !== undefined) {
      if (text) {
        this.sharedFormulas.set(si, { text, row: this.row, col: this.col });
        return text;
      }
      const master = this.sharedFormulas.get(si);
      if (!master) return null;
      this.context.sharedFormulaChars += master.text.length;
      if (this.context.sharedFormulaChars > this.context.limits.maxSharedFormulaChars) {
        fail('shared-formulas-too-large', { sheet: this.sheetName, limit: this.context.limits.maxSharedFormulaChars });
      }
      return shiftFormula(master.text, this.row - master.row, this.col - master.col);
    }
    return text ? text : null;
  }

  private keepCell(): void {
    let value = this.keptValue();
    if (this.formulaSource !== null) this.formulaText = this.formulaTextOf(value, this.formulaSource);
    else if (
      !this.context.formulaTexts &&
      this.formulaText &&
      this.formulaKind === undefined &&
      !needsText(value) &&
      !mayBeTruth(value, this.formulaText.length)
    ) {
      this.formulaText = UNREAD_FORMULA; // saxes's path: as the scanner's gives it
    }
    let formula = this.formulaText === null ? null : this.formula();
    if (formula !== null && value !== null && isConstantFormula(formula, value)) formula = null;
    const truth = formula !== null && value !== null ? typedTruth(formula, value) : null;
    if (truth !== null) [value, formula] = [{ value: truth }, null];
    if (value === null && formula === null) return;
    if (++this.context.cellCount > this.context.limits.maxCells) {
      fail('too-many-cells', { sheet: this.sheetName, limit: this.context.limits.maxCells });
    }
    const cell: GridCell = value ?? { value: null as CellValue };
    if (formula !== null) cell.formula = formula;
    if (formula !== null && value === null) cell.uncalculated = true;
    this.place(cell);
  }

  /**
   * Lays a kept cell in its row, the rows and cells before it made empty; the later of two cells at one address
   * wins, as a writer's last word. Each slot made (a row, a cell of a row) counts against `maxGridSlots` before it is
   * made: a few values far apart cannot make a huge grid. Laid as they come, cells need no list of their own (its
   * growing arrays were a tenth of what a reading allocated).
   */
  private place(cell: GridCell): void {
    const { row, col, rows } = this;
    if (row > this.farthestRow) this.farthestRow = row;
    if (col > this.farthestCol) this.farthestCol = col;
    if (this.tooLarge) return;
    const newRows = row > rows.length ? row - rows.length : 0;
    const width = row === this.roomyRow ? this.roomyWidth : row > rows.length ? 0 : rows[row - 1].length;
    const newSlots = newRows + (col > width ? col - width : 0);
    if (newSlots > 0) {
      this.context.slotCount += newSlots;
      if (this.context.slotCount > this.context.limits.maxGridSlots) {
        this.tooLarge = true;
        return;
      }
    }
    if (row !== this.roomyRow) this.closeRoomyRow(); // a cell of another row than its <row>'s: one row has room
    if (newRows > 0) {
      while (rows.length < row - 1) rows.push([]);
      // The room past the cell is counted by nothing, but bounded: one row at a time, MAX_ROW_ROOM slots in all.
      rows.push(emptyRow(Math.max(col, Math.min(this.lastWidth, MAX_ROW_ROOM))));
      this.roomyRow = row;
      this.roomyWidth = 0;
    }
    const cells = rows[row - 1];
    if (row === this.roomyRow && col > this.roomyWidth) this.roomyWidth = col;
    while (cells.length < col - 1) cells.push(null);
    if (cells.length === col - 1) cells.push(cell);
    else cells[col - 1] = cell;
  }

  /** The sheet's grid, once its part is read; a sheet past the slot limit is refused, naming its farthest cell. */
  grid(visibility: SheetVisibility): SheetGrid {
    this.closeRoomyRow();
    if (this.tooLarge)
      fail('grid-too-large', { sheet: this.sheetName, cell: cellRef(this.farthestRow, this.farthestCol) });
    const grid: SheetGrid = { name: this.sheetName, visibility, rows: this.rows };
    if (this.mergedRanges.length > 0) grid.mergedRanges = this.mergedRanges;
    return grid;
  }
}

export function readSheetPart(
  source: PackageSource,
  entry: ZipEntry,
  context: SheetContext,
  name: string,
  visibility: SheetVisibility,
): SheetGrid {
  const { cellCount, sharedFormulaChars, slotCount } = context;
  const reader = parseXmlPart(source, entry, () => {
    // A second reading (saxes after the scanner gave up) counts from where this sheet started.
    Object.assign(context, { cellCount, sharedFormulaChars, slotCount });
    return new SheetReader(context, name);
  });
  return reader.grid(visibility);
}
