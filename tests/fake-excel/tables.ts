import { Rect, parseAddress, rectsIntersect } from './a1';
import { interpretValuesInput } from './cell-input';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { SheetModel, TableEntry } from './model';
import { assertCellsWritable, assertSheetUnprotected } from './protection-rules';
import { FakeClientObject, FakeClientResult, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';

const notFound = (what: string) =>
  officeError(FakeErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`);

/** `table.rows`: the data rows; `add` appends below the table and grows it. */
export class FakeTableRowCollection extends FakeClientObject {
  protected readonly typeName = 'TableRowCollection';

  protected override instantiate(): void {
    this.table.entry();
  }
  protected readonly scalarProperties = ['count'];
  declare readonly count: number;

  constructor(
    context: FakeRequestContext,
    private readonly table: FakeTable,
  ) {
    super(context);
  }

  protected readProperty(): unknown {
    const entry = this.table.entry();
    return entry.rect.rowCount - (entry.hasHeaders ? 1 : 0);
  }

  getCount(): FakeClientResult<number> {
    return FakeClientResult.queue(this.context, 'TableRowCollection.getCount', () => this.readProperty() as number);
  }

  add(index?: number | null, values?: unknown[][]): void {
    this.queueCall('add', [index ?? null, values ?? null], () => {
      const entry = this.table.entry();
      const sheet = this.table.sheet();
      const rows = values ?? [Array(entry.rect.columnCount).fill('')];
      if (index !== undefined && index !== null)
        throw officeError(FakeErrorCodes.invalidArgument, 'The fake only appends rows at the end.');
      if (!rows.every((r) => Array.isArray(r) && r.length === entry.rect.columnCount)) {
        throw officeError(
          FakeErrorCodes.invalidArgument,
          "The number of columns in the input array doesn't match the table.",
        );
      }
      const start = entry.rect.row + entry.rect.rowCount;
      const rect: Rect = {
        row: start,
        column: entry.rect.column,
        rowCount: rows.length,
        columnCount: entry.rect.columnCount,
      };
      assertCellsWritable(sheet, rect);
      rows.forEach((line, i) =>
        line.forEach((v, j) => {
          const typed = interpretValuesInput(
            v,
            sheet.formats.get(start + i, rect.column + j, 'numberFormat'),
            'TableRowCollection.add',
          );
          if (typed === undefined) return;
          sheet.setCell(start + i, rect.column + j, typed.cell);
          if (typed.numberFormat) sheet.formats.setCell(start + i, rect.column + j, 'numberFormat', typed.numberFormat);
        }),
      );
      entry.rect = { ...entry.rect, rowCount: entry.rect.rowCount + rows.length };
      this.context.env.model.engine.invalidate();
    });
  }
}
defineProxyProperties(FakeTableRowCollection, { count: {} });

/** `Excel.Table`. */
export class FakeTable extends FakeClientObject {
  protected readonly typeName = 'Table';

  protected override instantiate(): void {
    this.entry();
  }
  protected readonly scalarProperties = ['id', 'name', 'showFilterButton', 'showHeaders', 'showTotals', 'style'];
  declare readonly id: string;
  declare name: string;
  declare showFilterButton: boolean;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare style: string;
  private lazy_rows?: FakeTableRowCollection;
  get rows(): FakeTableRowCollection {
    return (this.lazy_rows ??= new FakeTableRowCollection(this.context, this));
  }
  private readonly sheetHandle: SheetHandle;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => TableEntry | undefined,
    private readonly description: string,
    orNull = false,
  ) {
    super(context);
    this.sheetHandle = { resolveSheet: () => this.sheet() };
    if (orNull) this.checkNullAtSync();
  }

  entry(): TableEntry {
    const entry = this.locate();
    if (!entry) throw notFound(`table ${this.description}`);
    return entry;
  }

  sheet(): SheetModel {
    const sheet = this.context.env.model.sheetById(this.entry().sheetId);
    if (!sheet) throw notFound('worksheet of the table');
    return sheet;
  }

  protected override isMissing(): boolean {
    return !this.locate();
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return name === 'rows' ? this.rows : undefined;
  }

  protected readProperty(name: string): unknown {
    const entry = this.entry();
    if (name === 'showHeaders') return entry.hasHeaders;
    return (entry as unknown as Record<string, unknown>)[name];
  }

  protected override writeProperty(name: string, value: unknown): void {
    const entry = this.entry();
    // Renaming, restyling or showing a table's parts changes the sheet: refused when it is protected.
    assertSheetUnprotected(this.sheet(), 'table');
    if (name === 'name') {
      const model = this.context.env.model;
      if (typeof value !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(value))
        throw officeError(FakeErrorCodes.invalidArgument, `Invalid table name ${String(value)}.`);
      const taken =
        model.tables.some((t) => t !== entry && t.name.toLowerCase() === value.toLowerCase()) ||
        model.names.some((n) => n.name.toLowerCase() === value.toLowerCase());
      if (taken) throw officeError(FakeErrorCodes.itemAlreadyExists, `The name ${value} is already used.`);
      entry.name = value;
      return;
    }
    if (name === 'showHeaders') entry.hasHeaders = Boolean(value);
    else (entry as unknown as Record<string, unknown>)[name] = value;
  }

  private range(part: 'all' | 'header' | 'body'): FakeRange {
    return new FakeRange(this.context, this.sheetHandle, () => {
      const { rect, hasHeaders } = this.entry();
      if (part === 'all') return rect;
      if (part === 'header') return hasHeaders ? { ...rect, rowCount: 1 } : null;
      const skip = hasHeaders ? 1 : 0;
      return rect.rowCount > skip ? { ...rect, row: rect.row + skip, rowCount: rect.rowCount - skip } : null;
    });
  }

  getRange(): FakeRange {
    return this.range('all');
  }

  getHeaderRowRange(): FakeRange {
    return this.range('header');
  }

  getDataBodyRange(): FakeRange {
    return this.range('body');
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const model = this.context.env.model;
      assertSheetUnprotected(this.sheet(), 'table');
      model.tables.splice(model.tables.indexOf(this.entry()), 1);
    });
  }

  convertToRange(): FakeRange {
    const range = this.getRange();
    this.delete();
    return range;
  }
}
defineProxyProperties(FakeTable, {
  id: {},
  name: { writable: true },
  showFilterButton: { writable: true, api: '1.3' },
  showHeaders: { writable: true },
  showTotals: { writable: true },
  style: { writable: true },
});

/** `workbook.tables` (sheet undefined: addresses carry the sheet) or `worksheet.tables`. */
export class FakeTableCollection extends FakeCollection<FakeTable> {
  protected readonly typeName = 'TableCollection';

  protected override instantiate(): void {
    this.sheet?.resolveSheet();
  }

  constructor(
    context: FakeRequestContext,
    private readonly sheet?: SheetHandle,
  ) {
    super(context);
  }

  private entries(): TableEntry[] {
    const model = this.context.env.model;
    return this.sheet ? model.tablesOf(this.sheet.resolveSheet()) : model.tables;
  }

  protected itemKeys(): unknown[] {
    return this.entries().map((t) => t.id);
  }

  protected itemProxy(key: unknown): FakeTable {
    return new FakeTable(this.context, () => this.context.env.model.tables.find((t) => t.id === key), String(key));
  }

  /**
   * Creates a table over `address`. Empty header cells get `ColumnN`, as Excel fills them; a table may not
   * overlap another one.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const model = this.context.env.model;
    const id = model.newObjectId('table');
    this.queueCall('add', [typeof address === 'string' ? address : '(range)', hasHeaders], () => {
      let sheet: SheetModel;
      let rect: Rect;
      if (typeof address === 'string') {
        const parsed = parseAddress(address);
        const named = parsed?.sheet === undefined ? undefined : model.sheetByName(parsed.sheet);
        if (!parsed || (!this.sheet && !named))
          throw officeError(FakeErrorCodes.invalidArgument, `Invalid table address ${address}.`);
        sheet = this.sheet ? this.sheet.resolveSheet() : named!;
        if (named && named !== sheet)
          throw officeError(FakeErrorCodes.invalidArgument, `Invalid table address ${address}.`);
        rect = parsed.rect;
      } else ({ sheet, rect } = address.target());
      assertSheetUnprotected(sheet, 'table');
      if (model.tablesOf(sheet).some((t) => rectsIntersect(t.rect, rect)))
        throw officeError(FakeErrorCodes.invalidOperation, 'A table cannot overlap another table.');
      if (hasHeaders) {
        for (let c = 0; c < rect.columnCount; c++) {
          if (!sheet.cell(rect.row, rect.column + c))
            sheet.setCell(rect.row, rect.column + c, { value: `Column${c + 1}` });
        }
      }
      let n = model.tables.length + 1;
      while (model.tables.some((t) => t.name === `Table${n}`)) n++;
      model.tables.push({
        id,
        name: `Table${n}`,
        sheetId: sheet.id,
        rect,
        hasHeaders,
        showFilterButton: true,
        showTotals: false,
        style: 'TableStyleMedium2',
      });
      model.engine.invalidate();
    });
    return new FakeTable(this.context, () => model.tables.find((t) => t.id === id), id);
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key), key);
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, () => this.find(key), key, true);
  }

  private find(key: string): TableEntry | undefined {
    return this.entries().find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase());
  }
}
