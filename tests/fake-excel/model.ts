import { MAX_COLUMNS, Rect, isEntireColumns, isEntireRows, rectContains } from './a1';
import { StoredCell } from './cell-input';
import { FormatStore } from './format-store';
import { FormulaEngine } from './formula-engine';
import { renameSheetInFormula } from './sheet-references';

/** The workbook the fake holds: plain data, no proxy logic. Tests may seed and inspect it directly. */

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ProtectionState {
  protected: boolean;
  options: Record<string, unknown>;
  password?: string;
}

export interface ValidationEntry {
  rect: Rect;
  /** Null records a `clear()`: the latest entry covering a cell decides. */
  rule: Record<string, unknown> | null;
  ignoreBlanks: boolean;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormatEntry {
  id: string;
  rect: Rect;
  type: string;
  /** What was set on the format's sub-objects, e.g. `{cellValue: {rule: {...}, format: {fill: {color}}}}`. */
  settings: Record<string, unknown>;
}

export interface TableEntry {
  id: string;
  name: string;
  sheetId: number;
  rect: Rect;
  hasHeaders: boolean;
  showFilterButton: boolean;
  showTotals: boolean;
  style: string;
}

export interface NameEntry {
  name: string;
  /** The reference or constant, with its leading `=` (e.g. `='Paramètres'!$B$2:$B$6`). */
  formula: string;
  comment: string;
  visible: boolean;
  /** Undefined for a workbook-scoped name. */
  sheetId?: number;
}

export interface BorderEntry {
  rect: Rect;
  /** `EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`, `InsideVertical`, `InsideHorizontal`… */
  side: string;
  /** What was set: `style`, `color`, `weight`. */
  props: Record<string, unknown>;
}

export interface ChartEntry {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  settings: Record<string, unknown>;
}

/** A threaded comment on one cell (0-based row and column), its replies in order. */
export interface CommentEntry {
  id: string;
  row: number;
  column: number;
  content: string;
  replies: { id: string; content: string }[];
}

/** A note (Excel's older comment) on one cell (0-based row and column). */
export interface NoteEntry {
  row: number;
  column: number;
  content: string;
}

export class SheetModel {
  visibility: Visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  protection: ProtectionState = { protected: false, options: {} };
  freeze = { rows: 0, columns: 0 };
  readonly cells = new Map<number, StoredCell>();
  readonly formats = new FormatStore();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly rowOutline = new Map<number, number>();
  readonly columnOutline = new Map<number, number>();
  readonly validations: ValidationEntry[] = [];
  readonly conditionalFormats: ConditionalFormatEntry[] = [];
  readonly merges: Rect[] = [];
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly borders: BorderEntry[] = [];
  autoFilter: Rect | null = null;
  readonly charts: ChartEntry[] = [];
  /** A cell's comments and notes belong to the sheet: deleting it deletes them. */
  readonly comments: CommentEntry[] = [];
  readonly notes: NoteEntry[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** `{ add: [[range], …] }` once a manual page break is added. */
  readonly horizontalPageBreaks: Record<string, unknown> = {};
  readonly verticalPageBreaks: Record<string, unknown> = {};

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells.get(row * MAX_COLUMNS + column);
  }

  setCell(row: number, column: number, cell: StoredCell | null): void {
    const key = row * MAX_COLUMNS + column;
    if (cell) this.cells.set(key, cell);
    else this.cells.delete(key);
  }

  *storedCells(): Iterable<[number, number, StoredCell]> {
    for (const [key, cell] of this.cells) yield [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, cell];
  }

  validationAt(row: number, column: number): ValidationEntry | null {
    const entry = this.validationEntryAt(row, column);
    return entry?.rule ? entry : null;
  }

  /** The latest validation entry over a cell, even one without a rule (an alert set before its rule). */
  validationEntryAt(row: number, column: number): ValidationEntry | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      if (rectContains(this.validations[i].rect, row, column)) return this.validations[i];
    }
    return null;
  }

  /** Smallest rectangle holding every value (and every own format unless `valuesOnly`); null when blank. */
  usedRect(valuesOnly: boolean): Rect | null {
    // Asked of every sheet at each read: the keys are walked as they are, without a [row, column] pair each.
    const keys = valuesOnly ? [this.cells.keys()] : [this.cells.keys(), ...this.formats.formattedCellKeys()];
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (const source of keys) {
      for (const key of source) {
        const r = Math.floor(key / MAX_COLUMNS);
        const c = key % MAX_COLUMNS;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
    if (maxR < 0) return null;
    return { row: minR, column: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }

  isLocked(row: number, column: number): boolean {
    return this.formats.get(row, column, 'locked');
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NameEntry[] = [];
  readonly tables: TableEntry[] = [];
  activeSheetId = -1;
  selection: { sheetId: number; rect: Rect } | null = null;
  protection: ProtectionState = { protected: false, options: {} };
  calculationCount = 0;
  /** `workbook.properties` (title, author, subject…). */
  readonly properties: Record<string, unknown> = {};
  readonly engine = new FormulaEngine(this);
  private nextSheetId = 1;
  private nextObjectId = 1;

  newObjectId(prefix: string): string {
    return `{${prefix}-${this.nextObjectId++}}`;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this.nextSheetId++, name);
    this.sheets.push(sheet);
    if (this.activeSheetId < 0) this.activeSheetId = sheet.id;
    this.engine.invalidate();
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    const old = sheet.name;
    sheet.name = newName;
    const rewrite = (f: string): string => renameSheetInFormula(f, old, newName);
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = rewrite(cell.formula);
      for (const v of s.validations) {
        const list = v.rule?.list as { source?: unknown } | undefined;
        if (list && typeof list.source === 'string') list.source = rewrite(list.source);
      }
    }
    for (const n of this.names) n.formula = rewrite(n.formula);
    // Conditional formats' formulas and a chart's series refer to cells as formulas do: they follow the sheet.
    for (const s of this.sheets) {
      for (const format of s.conditionalFormats) rewriteStrings(format.settings, rewrite);
      for (const chart of s.charts) {
        chart.source = rewrite(chart.source);
        rewriteStrings(chart.settings, rewrite);
      }
    }
    this.engine.invalidate();
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].sheetId === sheet.id) this.names.splice(i, 1);
    if (this.activeSheetId === sheet.id)
      this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? -1;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.engine.invalidate();
  }

  tablesOf(sheet: SheetModel): TableEntry[] {
    return this.tables.filter((t) => t.sheetId === sheet.id);
  }
}

/** Rewrites, in place, every string held at any depth (a chart's recorded settings keep their object). */
function rewriteStrings(target: Record<string, unknown> | unknown[], rewrite: (text: string) => string): void {
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'string') (target as Record<string, unknown>)[key] = rewrite(value);
    else if (value && typeof value === 'object') rewriteStrings(value as Record<string, unknown>, rewrite);
  }
}

export { isEntireColumns, isEntireRows };
