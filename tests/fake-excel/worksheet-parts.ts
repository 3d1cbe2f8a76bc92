import { parseAddress } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { FakeClientObject, defineProxyProperties } from './proxy';
import { FakeRange, SheetHandle } from './range';

/** `Worksheet.protection`: protect(options, password) fails on a protected sheet, as documented. */
export class FakeWorksheetProtection extends FakeClientObject {
  protected readonly typeName = 'WorksheetProtection';

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }
  protected readonly scalarProperties = ['protected', 'options'];
  declare readonly protected: boolean;
  declare readonly options: Record<string, unknown>;

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    const state = this.sheet.resolveSheet().protection;
    return name === 'protected' ? state.protected : { ...state.options };
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.queueCall(
      'protect',
      [options ?? null, password === undefined ? null : '***'],
      () => {
        const sheet = this.sheet.resolveSheet();
        if (sheet.protection.protected)
          throw officeError(FakeErrorCodes.invalidOperation, 'The worksheet is already protected.');
        sheet.protection = { protected: true, options: { ...(options ?? {}) }, password };
      },
      password === undefined ? '1.2' : '1.7',
    );
  }

  unprotect(password?: string): void {
    this.queueCall(
      'unprotect',
      [password === undefined ? null : '***'],
      () => {
        const sheet = this.sheet.resolveSheet();
        if (sheet.protection.protected && sheet.protection.password && sheet.protection.password !== password) {
          throw officeError(FakeErrorCodes.invalidArgument, 'The password you supplied is not correct.');
        }
        sheet.protection = { protected: false, options: {} };
      },
      '1.2',
    );
  }
}
defineProxyProperties(FakeWorksheetProtection, { protected: {}, options: {} });

/**
 * `Worksheet.freezePanes`. freezeRows(n) and freezeColumns(n) replace the whole frozen pane, as the Excel
 * commands do; freezeAt(range) freezes the rows above and columns left of the range's end.
 */
export class FakeWorksheetFreezePanes extends FakeClientObject {
  protected readonly typeName = 'WorksheetFreezePanes';

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }
  protected readonly scalarProperties: readonly string[] = [];

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    throw officeError(FakeErrorCodes.invalidArgument, `Cannot find property '${name}'.`);
  }

  private freeze(method: string, args: unknown[], compute: () => { rows: number; columns: number }): void {
    this.queueCall(
      method,
      args,
      () => {
        const sheet = this.sheet.resolveSheet();
        const next = compute();
        if (next.rows < 0 || next.columns < 0) throw officeError(FakeErrorCodes.invalidArgument, 'Invalid count.');
        sheet.freeze = next;
      },
      '1.7',
    );
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], () => ({ rows: 0, columns: count }));
  }

  freezeAt(frozenRange: FakeRange | string | null): void {
    const arg = typeof frozenRange === 'string' || frozenRange === null ? frozenRange : '(range)';
    this.freeze('freezeAt', [arg], () => {
      if (frozenRange === null) return { rows: 0, columns: 0 };
      const rect = typeof frozenRange === 'string' ? parseAddress(frozenRange)?.rect : frozenRange.target().rect;
      if (!rect) throw officeError(FakeErrorCodes.invalidArgument, 'Invalid range.');
      return { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount };
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', [], () => ({ rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this.sheet,
      (s) =>
        s.freeze.rows || s.freeze.columns
          ? { row: 0, column: 0, rowCount: Math.max(1, s.freeze.rows), columnCount: Math.max(1, s.freeze.columns) }
          : null,
      true,
    );
  }
}

/** `Worksheet.autoFilter` (ExcelApi 1.9): one filter range per sheet; criteria are not simulated. */
export class FakeAutoFilter extends FakeClientObject {
  protected readonly typeName = 'AutoFilter';

  protected override instantiate(): void {
    this.sheet.resolveSheet();
  }
  protected readonly scalarProperties = ['enabled', 'isDataFiltered'];
  declare readonly enabled: boolean;
  declare readonly isDataFiltered: boolean;

  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetHandle,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    return name === 'enabled' ? this.sheet.resolveSheet().autoFilter !== null : false;
  }

  apply(range: FakeRange | string, columnIndex?: number, criteria?: unknown): void {
    const described = typeof range === 'string' ? range : '(range)';
    this.queueCall(
      'apply',
      [described, columnIndex ?? null, criteria ?? null],
      () => {
        const sheet = this.sheet.resolveSheet();
        if (sheet.protection.protected) throw officeError(FakeErrorCodes.accessDenied, 'The sheet is protected.');
        const rect = typeof range === 'string' ? parseAddress(range)?.rect : range.target().rect;
        if (!rect) throw officeError(FakeErrorCodes.invalidArgument, `Invalid range ${described}.`);
        sheet.autoFilter = rect;
      },
      '1.9',
    );
  }

  remove(): void {
    this.queueCall(
      'remove',
      [],
      () => {
        const sheet = this.sheet.resolveSheet();
        if (sheet.protection.protected) throw officeError(FakeErrorCodes.accessDenied, 'The sheet is protected.');
        sheet.autoFilter = null;
      },
      '1.9',
    );
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, this.sheet, (s) => s.autoFilter, true);
  }
}
defineProxyProperties(FakeAutoFilter, { enabled: {}, isDataFiltered: {} });
