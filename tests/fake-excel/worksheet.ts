import { MAX_COLUMNS, MAX_ROWS, parseAddress } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { SheetModel, Visibility } from './model';
import { assertSheetUnprotected, assertStructureUnprotected } from './protection-rules';
import { FakeClientObject, FakeCollection, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';
import { Recorded, createRecorder } from './recorder';
import { assertValidSheetName } from './sheet-names';
import { FakeChartCollection } from './charts';
import { FakeCommentCollection, FakeNoteCollection } from './comments';
import { FakeNamedItemCollection } from './names';
import { FakeTableCollection } from './tables';
import { FakeAutoFilter, FakeWorksheetFreezePanes, FakeWorksheetProtection } from './worksheet-parts';

const notFound = (what: string) =>
  officeError(FakeErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`);
const VISIBILITIES: Visibility[] = ['Visible', 'Hidden', 'VeryHidden'];

/**
 * `Excel.Worksheet`. The proxy finds its sheet at the first sync that uses it and stays bound to it, so a rename
 * in the same batch does not lose it (as Excel's object paths behave).
 */
export class FakeWorksheet extends FakeClientObject implements SheetHandle {
  protected readonly typeName = 'Worksheet';

  protected override instantiate(): void {
    this.resolveSheet();
  }
  protected readonly scalarProperties = ['name', 'id', 'position', 'visibility', 'tabColor', 'showGridlines'];
  declare name: string;
  declare position: number;
  declare visibility: Visibility;
  declare tabColor: string;
  declare showGridlines: boolean;
  declare readonly id: string;
  private lazy_protection?: FakeWorksheetProtection;
  get protection(): FakeWorksheetProtection {
    return (this.lazy_protection ??= new FakeWorksheetProtection(this.context, this));
  }
  private lazy_freezePanes?: FakeWorksheetFreezePanes;
  get freezePanes(): FakeWorksheetFreezePanes {
    return (this.lazy_freezePanes ??= new FakeWorksheetFreezePanes(this.context, this));
  }
  private lazy_tables?: FakeTableCollection;
  get tables(): FakeTableCollection {
    return (this.lazy_tables ??= new FakeTableCollection(this.context, this));
  }
  private lazy_names?: FakeNamedItemCollection;
  get names(): FakeNamedItemCollection {
    return (this.lazy_names ??= new FakeNamedItemCollection(this.context, this));
  }
  private lazy_charts?: FakeChartCollection;
  get charts(): FakeChartCollection {
    return (this.lazy_charts ??= new FakeChartCollection(this.context, this));
  }
  private lazy_comments?: FakeCommentCollection;
  get comments(): FakeCommentCollection {
    return (this.lazy_comments ??= new FakeCommentCollection(this.context, this));
  }
  private lazy_notes?: FakeNoteCollection;
  get notes(): FakeNoteCollection {
    return (this.lazy_notes ??= new FakeNoteCollection(this.context, this));
  }
  private lazy_autoFilter?: FakeAutoFilter;
  get autoFilter(): FakeAutoFilter {
    return (this.lazy_autoFilter ??= new FakeAutoFilter(this.context, this));
  }
  /** Page setup is recorded, not checked (ExcelApi 1.9). */
  readonly pageLayout: Recorded;
  /** Manual page breaks: `add(range)` calls are recorded (ExcelApi 1.9). */
  readonly horizontalPageBreaks: Recorded;
  readonly verticalPageBreaks: Recorded;
  private boundId: number | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => SheetModel | undefined,
    private readonly description: string,
    orNull = false,
  ) {
    super(context);
    this.pageLayout = createRecorder(
      context,
      'PageLayout',
      () => this.resolveSheet().pageLayout,
      ['setPrintTitleRows', 'setPrintTitleColumns', 'setPrintArea', 'setPrintMargins'],
      '1.9',
    );
    const pageBreaks = (direction: 'horizontalPageBreaks' | 'verticalPageBreaks') =>
      createRecorder(context, 'PageBreakCollection', () => this.resolveSheet()[direction], ['add'], '1.9');
    this.horizontalPageBreaks = pageBreaks('horizontalPageBreaks');
    this.verticalPageBreaks = pageBreaks('verticalPageBreaks');
    if (orNull) this.checkNullAtSync();
  }

  resolveSheet(): SheetModel {
    const model = this.context.env.model;
    if (this.boundId !== undefined) {
      const sheet = model.sheetById(this.boundId);
      if (!sheet) throw notFound(`worksheet ${this.description} was deleted`);
      return sheet;
    }
    const sheet = this.locate();
    if (!sheet) throw notFound(`worksheet ${this.description}`);
    this.boundId = sheet.id;
    return sheet;
  }

  protected override isMissing(): boolean {
    if (this.boundId !== undefined) return !this.context.env.model.sheetById(this.boundId);
    return !this.locate();
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return (
      {
        protection: this.protection,
        freezePanes: this.freezePanes,
        tables: this.tables,
        names: this.names,
        charts: this.charts,
        comments: this.comments,
        notes: this.notes,
      } as Record<string, FakeClientObject>
    )[name];
  }

  protected readProperty(name: string): unknown {
    const sheet = this.resolveSheet();
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return `{sheet-${sheet.id}}`;
      case 'position':
        return this.context.env.model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      default:
        return sheet.showGridlines;
    }
  }

  protected override writeProperty(name: string, value: unknown): void {
    const model = this.context.env.model;
    const sheet = this.resolveSheet();
    switch (name) {
      case 'name':
        assertStructureUnprotected(model);
        model.renameSheet(sheet, assertValidSheetName(model, value, sheet.id));
        return;
      case 'position': {
        assertStructureUnprotected(model);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= model.sheets.length)
          throw officeError(FakeErrorCodes.invalidArgument, 'Invalid position.');
        model.sheets.splice(model.sheets.indexOf(sheet), 1);
        model.sheets.splice(value, 0, sheet);
        return;
      }
      case 'visibility':
        assertStructureUnprotected(model);
        if (!VISIBILITIES.includes(value as Visibility))
          throw officeError(FakeErrorCodes.invalidArgument, `Invalid visibility ${String(value)}.`);
        if (value !== 'Visible' && !model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
          throw officeError(FakeErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
        }
        sheet.visibility = value as Visibility;
        if (value !== 'Visible' && model.activeSheetId === sheet.id)
          model.activeSheetId = model.sheets.find((s) => s.visibility === 'Visible')!.id;
        return;
      case 'tabColor':
        sheet.tabColor = String(value ?? '');
        return;
      case 'showGridlines':
        sheet.showGridlines = Boolean(value);
        return;
    }
    super.writeProperty(name, value);
  }

  /** `getRange()` is the whole sheet; an address may carry this sheet's own name. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, (sheet) => {
      if (address === undefined) return { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw officeError(
          FakeErrorCodes.invalidArgument,
          `The address '${address}' is not valid for this worksheet.`,
          'Worksheet.getRange',
        );
      }
      return parsed.rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, () => ({ row: startRow, column: startColumn, rowCount, columnCount }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** A blank sheet gives A1, as documented. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      this,
      (sheet) => sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, (sheet) => sheet.usedRect(valuesOnly), true);
  }

  activate(): void {
    this.queueCall('activate', [], () => {
      const sheet = this.resolveSheet();
      if (sheet.visibility !== 'Visible')
        throw officeError(FakeErrorCodes.invalidOperation, 'A hidden sheet cannot be activated.');
      this.context.env.model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.queueCall('delete', [], () => {
      const model = this.context.env.model;
      const sheet = this.resolveSheet();
      assertStructureUnprotected(model);
      if (!model.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw officeError(FakeErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      model.removeSheet(sheet);
    });
  }

  /**
   * Records the outline levels shown; the fake keeps no collapsed state. Refused on a protected sheet, as Excel
   * refuses its outline buttons there (they work only under user-interface-only protection, which a file cannot
   * keep: docs/WORKBOOK.md, « Protection »).
   */
  showOutlineLevels(rowLevels: number, columnLevels: number): void {
    this.queueCall(
      'showOutlineLevels',
      [rowLevels, columnLevels],
      () => assertSheetUnprotected(this.resolveSheet(), 'outline'),
      '1.10',
    );
  }

  calculate(markAllDirty = false): void {
    this.queueCall('calculate', [markAllDirty], () => this.context.env.model.engine.invalidate(), '1.6');
  }
}
defineProxyProperties(FakeWorksheet, {
  name: { writable: true },
  position: { writable: true },
  visibility: { writable: true },
  tabColor: { writable: true, api: '1.7' },
  showGridlines: { writable: true, api: '1.8' },
  id: {},
});

/** `workbook.worksheets`. */
export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected readonly typeName = 'WorksheetCollection';
  private added = 0;

  protected itemKeys(): unknown[] {
    return this.context.env.model.sheets.map((s) => s.id);
  }

  protected itemProxy(key: unknown): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.env.model.sheetById(key as number), `#${String(key)}`);
  }

  /** Adds a sheet after the last one; without a name Excel picks the next free `FeuilN` (a French Excel). */
  add(name?: string): FakeWorksheet {
    let createdId: number | undefined;
    const label = name ?? `(new sheet ${++this.added})`;
    this.queueCall('add', [name ?? null], () => {
      const model = this.context.env.model;
      assertStructureUnprotected(model);
      let finalName = name;
      if (finalName === undefined) {
        let n = model.sheets.length + 1;
        while (model.sheetByName(`Feuil${n}`)) n++;
        finalName = `Feuil${n}`;
      }
      createdId = model.addSheet(assertValidSheetName(model, finalName)).id;
    });
    return new FakeWorksheet(
      this.context,
      () => (createdId === undefined ? undefined : this.context.env.model.sheetById(createdId)),
      label,
    );
  }

  /** By name (case-insensitive) or id; an absent sheet fails the sync with ItemNotFound when the object is used. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key), key);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.find(key), key, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.env.model.activeSheet(), '(active)');
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.env.model.sheets.find((s) => !visibleOnly || s.visibility === 'Visible'),
      '(first)',
    );
  }

  getLast(visibleOnly = false): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => [...this.context.env.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible'),
      '(last)',
    );
  }

  private find(key: string): SheetModel | undefined {
    const model = this.context.env.model;
    const byId = /^\{sheet-(\d+)\}$/.exec(key);
    return byId ? model.sheetById(Number(byId[1])) : model.sheetByName(key);
  }
}
