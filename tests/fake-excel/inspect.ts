import type { CellValue, GridCell, SheetGrid, SheetVisibility, WorkbookGrids } from '../../src/app/port';
import { Rect, columnLetters, formatRect, parseAddress } from './a1';
import { isDateFormat, isPercentNumberFormat } from './cell-input';
import { CellFormat } from './format-store';
import { SheetModel, Visibility, WorkbookModel } from './model';
import { DEFAULT_COLUMN_WIDTH } from './range-format';
import { asExcelQuotes } from './sheet-references';

const VISIBILITY: Record<Visibility, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/**
 * Read-only views of the fake workbook for assertions, without proxies and without counting syncs.
 * `snapshotGrid` produces the port's `SheetGrid`, so that the same assertions run on both back ends.
 */
export class FakeWorkbookInspector {
  constructor(private readonly model: WorkbookModel) {}

  sheet(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  sheets(): { name: string; visibility: Visibility; position: number; tabColor: string }[] {
    return this.model.sheets.map((s, position) => ({
      name: s.name,
      visibility: s.visibility,
      position,
      tabColor: s.tabColor,
    }));
  }

  /** Dense rows from A1 to the last value; empty cells are null, trailing empties trimmed per row. */
  snapshotGrid(name: string): SheetGrid {
    const sheet = this.sheet(name);
    const rows: (GridCell | null)[][] = [];
    for (const [r, c, cell] of sheet.storedCells()) {
      const row = rows[r] ?? (rows[r] = []);
      const numberFormat = sheet.formats.get(r, c, 'numberFormat');
      const computed = cell.formula
        ? this.model.engine.valueAt(sheet.name, r, c)
        : { value: cell.value, isError: false };
      const grid: GridCell = { value: computed.value as CellValue };
      // As Office.js gives it back (`Range.formulas`): sheets' names quoted only where they need it.
      if (cell.formula) grid.formula = asExcelQuotes(cell.formula).slice(1);
      if (computed.isError) grid.isError = true;
      if (typeof computed.value === 'number' && isDateFormat(numberFormat)) grid.isDate = true;
      else if (typeof computed.value === 'number' && isPercentNumberFormat(numberFormat)) grid.isPercent = true;
      row[c] = grid;
    }
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? (rows[r] = []);
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    return { name: sheet.name, visibility: VISIBILITY[sheet.visibility], rows };
  }

  snapshotWorkbook(): WorkbookGrids {
    return { sheets: this.model.sheets.map((s) => this.snapshotGrid(s.name)) };
  }

  /** Computed values only, `[][]` like `range.values` ("" for empty), for quick assertions. */
  values(name: string, address: string): unknown[][] {
    const sheet = this.sheet(name);
    return this.mapRect(address, (r, c) => this.cellValue(sheet.name, r, c) ?? '');
  }

  /**
   * One cell's value (0-based row and column), null when empty: the workbook's formulas are evaluated only when the
   * cell holds one, so that looking through many plain cells after each change costs no evaluation.
   */
  cellValue(name: string, row: number, column: number): CellValue | null {
    const sheet = this.sheet(name);
    const cell = sheet.cell(row, column);
    if (!cell) return null;
    return cell.formula ? (this.model.engine.valueAt(sheet.name, row, column).value as CellValue) : cell.value;
  }

  formulas(name: string, address: string): unknown[][] {
    const sheet = this.sheet(name);
    return this.mapRect(address, (r, c) => {
      const cell = sheet.cell(r, c);
      if (cell?.formula) return asExcelQuotes(cell.formula);
      return cell ? cell.value : '';
    });
  }

  format(name: string, cell: string): CellFormat {
    const sheet = this.sheet(name);
    const { row, column } = this.rect(cell);
    const keys = [
      'numberFormat',
      'bold',
      'italic',
      'underline',
      'fontName',
      'fontSize',
      'fontColor',
      'fillColor',
      'wrapText',
      'horizontalAlignment',
      'verticalAlignment',
      'locked',
      'formulaHidden',
    ] as const;
    return Object.fromEntries(keys.map((k) => [k, sheet.formats.get(row, column, k)])) as unknown as CellFormat;
  }

  /** Widths set explicitly, by column letter (points). */
  columnWidths(name: string): Record<string, number> {
    return Object.fromEntries(
      [...this.sheet(name).columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w]),
    );
  }

  columnWidth(name: string, letter: string): number {
    return this.sheet(name).columnWidths.get(this.rect(`${letter}1`).column) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Heights set explicitly, by 1-based row number (points). */
  rowHeights(name: string): Record<number, number> {
    return Object.fromEntries([...this.sheet(name).rowHeights].map(([r, h]) => [r + 1, h]));
  }

  /** The validation rule of one cell, or null. */
  validationAt(name: string, cell: string): Record<string, unknown> | null {
    const { row, column } = this.rect(cell);
    return this.sheet(name).validationAt(row, column)?.rule ?? null;
  }

  /** Every rule set, in order, with its address (cleared ones omitted). */
  validations(name: string): { address: string; rule: Record<string, unknown> }[] {
    return this.sheet(name)
      .validations.filter((v) => v.rule)
      .map((v) => ({ address: formatRect(v.rect), rule: v.rule! }));
  }

  /** The rule, alert, prompt and blank handling of one cell's validation, or null. */
  validationDetailsAt(
    name: string,
    cell: string,
  ): { rule: Record<string, unknown>; errorAlert?: unknown; prompt?: unknown; ignoreBlanks: boolean } | null {
    const { row, column } = this.rect(cell);
    const entry = this.sheet(name).validationAt(row, column);
    if (!entry?.rule) return null;
    return { rule: entry.rule, errorAlert: entry.errorAlert, prompt: entry.prompt, ignoreBlanks: entry.ignoreBlanks };
  }

  /** Hidden columns by letter, hidden rows by 1-based number. */
  hidden(name: string): { columns: string[]; rows: number[] } {
    const sheet = this.sheet(name);
    return {
      columns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      rows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    };
  }

  /** Borders as set, per range and side: `{address: 'A3:C3', side: 'EdgeBottom', style: 'Continuous'}`. */
  borders(name: string): Record<string, unknown>[] {
    return this.sheet(name).borders.map((b) => ({ address: formatRect(b.rect), side: b.side, ...b.props }));
  }

  /** The sheet's autofilter range (not a table's), or null. */
  autoFilter(name: string): string | null {
    const rect = this.sheet(name).autoFilter;
    return rect ? formatRect(rect) : null;
  }

  documentProperties(): Record<string, unknown> {
    return { ...this.model.properties };
  }

  protection(name: string): { protected: boolean; options: Record<string, unknown> } {
    const { protected: isProtected, options } = this.sheet(name).protection;
    return { protected: isProtected, options: { ...options } };
  }

  workbookProtected(): boolean {
    return this.model.protection.protected;
  }

  freezePanes(name: string): { rows: number; columns: number } {
    return { ...this.sheet(name).freeze };
  }

  /** Outline level per 1-based row number (rows at level 0 omitted). */
  rowOutlineLevels(name: string): Record<number, number> {
    return Object.fromEntries([...this.sheet(name).rowOutline].sort((a, b) => a[0] - b[0]).map(([r, l]) => [r + 1, l]));
  }

  columnOutlineLevels(name: string): Record<string, number> {
    return Object.fromEntries(
      [...this.sheet(name).columnOutline].sort((a, b) => a[0] - b[0]).map(([c, l]) => [columnLetters(c), l]),
    );
  }

  tables(): {
    name: string;
    sheet: string;
    address: string;
    hasHeaders: boolean;
    showFilterButton: boolean;
    dataRowCount: number;
  }[] {
    return this.model.tables.map((t) => ({
      name: t.name,
      sheet: this.model.sheetById(t.sheetId)?.name ?? '',
      address: formatRect(t.rect),
      hasHeaders: t.hasHeaders,
      showFilterButton: t.showFilterButton,
      dataRowCount: t.rect.rowCount - (t.hasHeaders ? 1 : 0),
    }));
  }

  names(): { name: string; formula: string; scope: string }[] {
    return this.model.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      scope: n.sheetId === undefined ? 'Workbook' : (this.model.sheetById(n.sheetId)?.name ?? ''),
    }));
  }

  conditionalFormats(name: string): { type: string; address: string; settings: Record<string, unknown> }[] {
    return this.sheet(name).conditionalFormats.map((f) => ({
      type: f.type,
      address: formatRect(f.rect),
      settings: structuredClone(f.settings),
    }));
  }

  merges(name: string): string[] {
    return this.sheet(name).merges.map((m) => formatRect(m));
  }

  charts(
    name: string,
  ): { name: string; type: string; source: string; seriesBy: string; settings: Record<string, unknown> }[] {
    return this.sheet(name).charts.map(({ name: n, type, source, seriesBy, settings }) => ({
      name: n,
      type,
      source,
      seriesBy,
      settings: structuredClone(settings),
    }));
  }

  /** The sheet's notes, each with its cell (`O10`) and text, in the order they were added. */
  notes(name: string): { address: string; content: string }[] {
    return this.sheet(name).notes.map(({ row, column, content }) => ({
      address: formatRect({ row, column, rowCount: 1, columnCount: 1 }),
      content,
    }));
  }

  /** The sheet's threaded comments, each with its cell, text and replies' texts. */
  comments(name: string): { address: string; content: string; replies: string[] }[] {
    return this.sheet(name).comments.map(({ row, column, content, replies }) => ({
      address: formatRect({ row, column, rowCount: 1, columnCount: 1 }),
      content,
      replies: replies.map((reply) => reply.content),
    }));
  }

  pageLayout(name: string): Record<string, unknown> {
    return structuredClone(this.sheet(name).pageLayout);
  }

  /** The ranges given to `horizontalPageBreaks.add`, in order. */
  horizontalPageBreaks(name: string): string[] {
    const calls = (this.sheet(name).horizontalPageBreaks.add as unknown[][] | undefined) ?? [];
    return calls.map(([range]) => String(range));
  }

  /** The ranges given to `verticalPageBreaks.add`, in order. */
  verticalPageBreaks(name: string): string[] {
    const calls = (this.sheet(name).verticalPageBreaks.add as unknown[][] | undefined) ?? [];
    return calls.map(([range]) => String(range));
  }

  activeSheet(): string {
    return this.model.activeSheet().name;
  }

  /** The selected range, e.g. `{sheet: 'Axe 1', address: 'K12'}`, or null before any `select()`. */
  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    if (!sel) return null;
    return { sheet: this.model.sheetById(sel.sheetId)?.name ?? '', address: formatRect(sel.rect) };
  }

  calculationCount(): number {
    return this.model.calculationCount;
  }

  private rect(address: string): Rect {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`Bad address ${address}`);
    return parsed.rect;
  }

  private mapRect(address: string, fn: (r: number, c: number) => unknown): unknown[][] {
    const rect = this.rect(address);
    return Array.from({ length: rect.rowCount }, (_, i) =>
      Array.from({ length: rect.columnCount }, (_, j) => fn(rect.row + i, rect.column + j)),
    );
  }
}
