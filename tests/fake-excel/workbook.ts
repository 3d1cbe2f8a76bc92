import { FakeErrorCodes, officeError } from './errors';
import { FakeClientObject, defineProxyProperties } from './proxy';
import { FakeRange } from './range';
import { FakeNamedItemCollection } from './names';
import { FakeTableCollection } from './tables';
import { FakeWorksheet, FakeWorksheetCollection } from './worksheet';

/** `workbook.application`: calculate() recomputes (counted in the model). */
export class FakeApplication extends FakeClientObject {
  protected readonly typeName = 'Application';
  protected readonly scalarProperties = ['calculationMode'];
  declare calculationMode: string;
  private mode = 'Automatic';

  protected readProperty(): unknown {
    return this.mode;
  }

  protected override writeProperty(_name: string, value: unknown): void {
    this.mode = String(value);
  }

  calculate(calculationType = 'Full'): void {
    this.queueCall('calculate', [calculationType], () => {
      const model = this.context.env.model;
      model.calculationCount++;
      model.engine.invalidate();
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queueCall('suspendApiCalculationUntilNextSync', [], () => undefined, '1.6');
  }
}
defineProxyProperties(FakeApplication, { calculationMode: { writable: true, api: '1.8' } });

/** `workbook.protection`: structure protection (sheets cannot be added, removed, renamed, moved or hidden). */
export class FakeWorkbookProtection extends FakeClientObject {
  protected readonly typeName = 'WorkbookProtection';
  protected readonly scalarProperties = ['protected'];
  declare readonly protected: boolean;

  protected readProperty(): unknown {
    return this.context.env.model.protection.protected;
  }

  protect(password?: string): void {
    this.queueCall(
      'protect',
      [password === undefined ? null : '***'],
      () => {
        const model = this.context.env.model;
        if (model.protection.protected)
          throw officeError(FakeErrorCodes.invalidOperation, 'The workbook is already protected.');
        model.protection = { protected: true, options: {}, password };
      },
      '1.7',
    );
  }

  unprotect(password?: string): void {
    this.queueCall(
      'unprotect',
      [password === undefined ? null : '***'],
      () => {
        const model = this.context.env.model;
        if (model.protection.password && model.protection.password !== password)
          throw officeError(FakeErrorCodes.invalidArgument, 'The password you supplied is not correct.');
        model.protection = { protected: false, options: {} };
      },
      '1.7',
    );
  }
}
defineProxyProperties(FakeWorkbookProtection, { protected: {} });

const PROPERTY_NAMES = ['title', 'author', 'subject', 'keywords', 'comments', 'category', 'company', 'manager'];

/** `workbook.properties` (ExcelApi 1.7): document properties, kept as plain data. */
export class FakeDocumentProperties extends FakeClientObject {
  protected readonly typeName = 'DocumentProperties';
  protected readonly scalarProperties = PROPERTY_NAMES;
  declare title: string;
  declare author: string;
  declare subject: string;
  declare keywords: string;
  declare comments: string;
  declare category: string;
  declare company: string;
  declare manager: string;

  protected readProperty(name: string): unknown {
    return this.context.env.model.properties[name] ?? '';
  }

  protected override writeProperty(name: string, value: unknown): void {
    this.context.env.model.properties[name] = value;
  }
}
defineProxyProperties(
  FakeDocumentProperties,
  Object.fromEntries(PROPERTY_NAMES.map((n) => [n, { writable: true, api: '1.7' }])),
);

/** `context.workbook`. */
export class FakeWorkbook extends FakeClientObject {
  protected readonly typeName = 'Workbook';
  protected readonly scalarProperties = ['name'];
  declare readonly name: string;
  private lazy_worksheets?: FakeWorksheetCollection;
  get worksheets(): FakeWorksheetCollection {
    return (this.lazy_worksheets ??= new FakeWorksheetCollection(this.context));
  }
  private lazy_names?: FakeNamedItemCollection;
  get names(): FakeNamedItemCollection {
    return (this.lazy_names ??= new FakeNamedItemCollection(this.context));
  }
  private lazy_tables?: FakeTableCollection;
  get tables(): FakeTableCollection {
    return (this.lazy_tables ??= new FakeTableCollection(this.context));
  }
  private lazy_application?: FakeApplication;
  get application(): FakeApplication {
    return (this.lazy_application ??= new FakeApplication(this.context));
  }
  private lazy_protection?: FakeWorkbookProtection;
  get protection(): FakeWorkbookProtection {
    return (this.lazy_protection ??= new FakeWorkbookProtection(this.context));
  }
  private lazy_properties?: FakeDocumentProperties;
  get properties(): FakeDocumentProperties {
    return (this.lazy_properties ??= new FakeDocumentProperties(this.context));
  }

  protected override navigationProperty(name: string): FakeClientObject | undefined {
    return (
      {
        worksheets: this.worksheets,
        names: this.names,
        tables: this.tables,
        application: this.application,
        protection: this.protection,
        properties: this.properties,
      } as Record<string, FakeClientObject>
    )[name];
  }

  protected readProperty(): unknown {
    return 'Classeur1.xlsx';
  }

  /** The selection (A1 of the active sheet until something is selected). */
  getSelectedRange(): FakeRange {
    const model = this.context.env.model;
    const sheet = new FakeWorksheet(
      this.context,
      () => (model.selection ? model.sheetById(model.selection.sheetId) : model.activeSheet()),
      '(selection)',
    );
    return new FakeRange(
      this.context,
      sheet,
      () => model.selection?.rect ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    );
  }

  getActiveCell(): FakeRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}
defineProxyProperties(FakeWorkbook, { name: {} });
