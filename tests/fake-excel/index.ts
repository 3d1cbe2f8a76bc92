import { operationBytes } from '../../src/excel/request-size';
import { gateMethodsBySet } from './api-sets';
import { FakeChart, FakeChartCollection } from './charts';
import {
  FakeComment,
  FakeCommentCollection,
  FakeCommentReply,
  FakeCommentReplyCollection,
  FakeNote,
  FakeNoteCollection,
} from './comments';
import { FakeConditionalFormat, FakeConditionalFormatCollection } from './conditional-formats';
import { FakeDataValidation } from './data-validation';
import { FakeNamedItem, FakeNamedItemCollection } from './names';
import { FakeRange } from './range';
import { FakeRangeAreas, FakeRangeCollection } from './range-areas';
import { FakeFormatProtection, FakeRangeBorder, FakeRangeFill, FakeRangeFont, FakeRangeFormat } from './range-format';
import { FakeTable, FakeTableCollection, FakeTableRowCollection } from './tables';
import { FakeApplication, FakeDocumentProperties, FakeWorkbookProtection } from './workbook';
import { FakeWorksheet, FakeWorksheetCollection } from './worksheet';
import { FakeAutoFilter, FakeWorksheetFreezePanes, FakeWorksheetProtection } from './worksheet-parts';
import { FakeEnvironment, FakeEnvironmentOptions, FakeRequestContext } from './context';
import { checkpoint, keepWorkbook, putBackWorkbook, type KeptWorkbook } from './checkpoint';
import { FakeErrorCodes, FakeOfficeError, officeError } from './errors';
import { FakeWorkbookInspector } from './inspect';
import { WorkbookModel } from './model';
import { createFakeOffice, type FakePlatform } from './office';
import { FakeStats } from './stats';
import { FakeWorkbookSeeder } from './seed';
import { FakeWorkbook } from './workbook';

/**
 * A fake of the Excel JavaScript API for tests and the end-to-end page: `Excel.run`, proxy objects that must be
 * loaded and synced before they are read, batched writes applied in order at `sync()`, Excel's errors, formulas
 * computed by HyperFormula. See README.md in this folder for the API covered and the known gaps.
 */

export interface FakeExcelOptions extends FakeEnvironmentOptions {
  /** Sheets of the new workbook (default one sheet, `Feuil1`, as a French Excel starts). */
  sheets?: string[];
  /** What `Office.context.platform` says (default `OfficeOnline`, Excel on the web). */
  platform?: FakePlatform;
}

/** Every modelled class with its Office.js name: its methods and getters are gated by their requirement set. */
const gatedClasses: [{ prototype: object }, string][] = [
  [FakeApplication, 'Application'],
  [FakeAutoFilter, 'AutoFilter'],
  [FakeChart, 'Chart'],
  [FakeChartCollection, 'ChartCollection'],
  [FakeComment, 'Comment'],
  [FakeCommentCollection, 'CommentCollection'],
  [FakeCommentReply, 'CommentReply'],
  [FakeCommentReplyCollection, 'CommentReplyCollection'],
  [FakeConditionalFormat, 'ConditionalFormat'],
  [FakeConditionalFormatCollection, 'ConditionalFormatCollection'],
  [FakeDataValidation, 'DataValidation'],
  [FakeDocumentProperties, 'DocumentProperties'],
  [FakeFormatProtection, 'FormatProtection'],
  [FakeNamedItem, 'NamedItem'],
  [FakeNamedItemCollection, 'NamedItemCollection'],
  [FakeNote, 'Note'],
  [FakeNoteCollection, 'NoteCollection'],
  [FakeRange, 'Range'],
  [FakeRangeAreas, 'RangeAreas'],
  [FakeRangeCollection, 'RangeCollection'],
  [FakeRangeBorder, 'RangeBorder'],
  [FakeRangeFill, 'RangeFill'],
  [FakeRangeFont, 'RangeFont'],
  [FakeRangeFormat, 'RangeFormat'],
  [FakeTable, 'Table'],
  [FakeTableCollection, 'TableCollection'],
  [FakeTableRowCollection, 'TableRowCollection'],
  [FakeWorkbook, 'Workbook'],
  [FakeWorkbookProtection, 'WorkbookProtection'],
  [FakeWorksheet, 'Worksheet'],
  [FakeWorksheetCollection, 'WorksheetCollection'],
  [FakeWorksheetFreezePanes, 'WorksheetFreezePanes'],
  [FakeWorksheetProtection, 'WorksheetProtection'],
];
for (const [target, excelClass] of gatedClasses) gateMethodsBySet(target, excelClass);

export type FakeContext = Omit<FakeRequestContext, 'workbook'> & { readonly workbook: FakeWorkbook };

const ExcelEnums = {
  ErrorCodes: {
    accessDenied: 'AccessDenied',
    apiNotFound: 'ApiNotFound',
    generalException: 'GeneralException',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    invalidReference: 'InvalidReference',
    itemAlreadyExists: 'ItemAlreadyExists',
    itemNotFound: 'ItemNotFound',
    invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
    requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  },
  GroupOption: { byRows: 'ByRows', byColumns: 'ByColumns' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  ConditionalFormatType: {
    custom: 'Custom',
    dataBar: 'DataBar',
    colorScale: 'ColorScale',
    iconSet: 'IconSet',
    topBottom: 'TopBottom',
    presetCriteria: 'PresetCriteria',
    containsText: 'ContainsText',
    cellValue: 'CellValue',
  },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
  ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', line: 'Line', pie: 'Pie' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
} as const;

export function createFakeExcel(options: FakeExcelOptions = {}) {
  const workbook = new WorkbookModel();
  for (const name of options.sheets ?? ['Feuil1']) workbook.addSheet(name);
  const env = new FakeEnvironment(workbook, options);

  const newContext = (): FakeContext => {
    return new FakeRequestContext(env, (context) => new FakeWorkbook(context)) as FakeContext;
  };

  /**
   * `Excel.run(batch)` or `Excel.run(options, batch)`. Like Office.js's `_runBatch`, it always ends with
   * `context.sync(result)`: counted in `stats.syncs`, and in `stats.roundTrips` only when something was queued.
   */
  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: FakeContext) => Promise<T>;
    const context = newContext();
    const options = args.length > 1 ? (args[0] as { delayForCellEdit?: unknown } | undefined) : undefined;
    context.delayForCellEdit = options?.delayForCellEdit === true;
    const promise = batch(context);
    if (!promise || typeof (promise as Promise<T>).then !== 'function') {
      throw officeError(
        FakeErrorCodes.invalidArgument,
        'The batch function passed to the ".run" method didn\'t return a promise.',
      );
    }
    return context.sync(await promise);
  }

  /** The base64 files given to `Excel.createWorkbook`, one per call (an empty string for an empty workbook). */
  const createdWorkbooks: string[] = [];
  /**
   * `Excel.createWorkbook(base64?)` (ExcelApi 1.8, _docs_): opens a new workbook, not this one, so only the call is
   * kept. Below ExcelApi 1.8 it rejects with ApiNotFound, as a host without the set does. The file travels in
   * one request (_runtime_: `CreateAndOpenWorkbook` with the base64 as its argument under Excel on the web), so a
   * file whose base64 passes the request limit is refused with RequestPayloadSizeLimitExceeded, nothing opened.
   */
  async function createWorkbook(base64?: string): Promise<void> {
    if (!env.supports('1.8')) throw officeError(FakeErrorCodes.apiNotFound, 'createWorkbook needs ExcelApi 1.8.');
    if (base64 !== undefined && base64 !== null && !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw officeError(
        FakeErrorCodes.invalidArgument,
        'The argument is invalid or missing or has an incorrect format.',
      );
    if (operationBytes({ objects: 1, actions: 1, payload: [base64 ?? null] }) > env.requestPayloadLimit)
      throw officeError(
        FakeErrorCodes.requestPayloadSizeLimitExceeded,
        'The request payload size has exceeded the limit.',
      );
    createdWorkbooks.push(base64 ?? '');
  }

  const Excel = {
    run,
    createWorkbook,
    RequestContext: function RequestContext() {
      return newContext();
    },
    ...ExcelEnums,
  };
  const OfficeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded', ...ExcelEnums.ErrorCodes },
  };
  const Office = createFakeOffice(env, options.platform);
  const stats: FakeStats = env.stats;
  const inspect = new FakeWorkbookInspector(workbook);

  return {
    Excel,
    Office,
    OfficeExtension,
    /** The workbook's state, for direct inspection; prefer `inspect` and `seed`. */
    workbook,
    stats,
    inspect,
    /** The files `Excel.createWorkbook` was called with, in order: its calls are their count. */
    createdWorkbooks: (): readonly string[] => [...createdWorkbooks],
    /** Shortcut for `inspect.snapshotGrid`: the sheet as the port's `SheetGrid`. */
    snapshotGrid: (sheetName: string) => inspect.snapshotGrid(sheetName),
    seed: new FakeWorkbookSeeder(workbook),
    /**
     * While on, every sync with operations rejects with InvalidOperationInCellEditMode. With `leave` (a host that
     * supports `DelayForCellEdit`), a request of an `Excel.run({ delayForCellEdit: true }, …)` waits instead: the
     * person leaves the cell (`leave` runs: what they typed is entered), then the request goes on.
     */
    setCellEditMode(on: boolean, leave?: () => void): void {
      env.cellEditMode = on;
      env.leaveCellEdit = on ? (leave ?? null) : null;
    },
    /** Changes the ExcelApi version the host claims (and enforces) from now on. */
    setApiVersion(version: string): void {
      env.apiVersion = version;
    },
    /** Arms a failed request or action (failure-injection.ts): what a failed sync leaves, Office.js not rolling back. */
    failures: env.failures,
    /** A person's edit landing between two requests of the add-in (person-edits.ts): `beforeRoundTrip(n, edit)`. */
    personEdits: env.personEdits,
    /** Keeps the workbook as it is now; the returned function puts it back (checkpoint.ts). */
    checkpoint: (): (() => void) => checkpoint(workbook),
    /** A copy of the workbook as it is now, for `putBack` of this fake or of another (checkpoint.ts). */
    keep: (): KeptWorkbook => keepWorkbook(workbook),
    /** Makes the workbook a copy of one kept by `keep`, of this fake or of another: sheets, cells, names, selection… */
    putBack: (kept: KeptWorkbook): void => putBackWorkbook(kept, workbook),
    setRequestPayloadLimit(bytes: number): void {
      env.requestPayloadLimit = bytes;
    },
    /** Changes the largest answer the host gives (above it a sync fails with ResponsePayloadSizeLimitExceeded). */
    setResponsePayloadLimit(bytes: number): void {
      env.responsePayloadLimit = bytes;
    },
    /**
     * The same objects typed as Office.js's (`typeof Excel`, `typeof Office`), for code written against
     * @types/office-js: `new OfficeBackEnd(fake.officeJs.Excel.run)`. Members the fake lacks fail at run time.
     */
    officeJs: {
      Excel: Excel as unknown as typeof globalThis.Excel,
      Office: Office as unknown as typeof globalThis.Office,
    },
    /** Puts `Excel`, `Office` and `OfficeExtension` on a global object (the page's `window`); returns an undo. */
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
      const previous = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
      Object.assign(target, { Excel, Office, OfficeExtension });
      return () => Object.assign(target, previous);
    },
  };
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
export { FakeOfficeError, FakeErrorCodes };
export { asExcelGivesBack } from './excel-formula-text';
export { FAKE_ACTION_KINDS, type FakeActionKind } from './failure-injection';
export type { FakeWorkbook } from './workbook';
export type { KeptWorkbook } from './checkpoint';
export type { FakeWorksheet } from './worksheet';
export type { FakeRange } from './range';
