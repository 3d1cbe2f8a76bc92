import { excelErrorTexts, workbookLeftTexts, type ExcelErrorTextCode } from './excel-texts';

/**
 * What a failure left in the open workbook, as far as the code can tell (src/excel/README.md, « How the spec is
 * written », « How cell changes are written »):
 * - `untouched`: nothing that writes was sent (a read, a selection, a failure before the first write);
 * - `restored`: writes were sent, then undone: the cells written back, or the new sheets removed;
 * - `cells-maybe-changed`, `sheets-maybe-changed`: the undo failed too, after a cell change or a whole rewrite.
 */
export type WorkbookLeft = keyof typeof workbookLeftTexts;

/**
 * Office.js failures (an OfficeExtension.Error rejected by `context.sync()`, with a `code` from Excel.ErrorCodes or
 * OfficeExtension.ErrorCodes) turned into one error the task pane can show as it is: a stable code and a French
 * explanation that says what to do. Bad input is never an exception; these are the workbook host's failures.
 */
export class ExcelWorkbookError extends Error {
  constructor(
    /** The Office.js code (`AccessDenied`…) or one of ours (`WorkbookStructureProtected`, `ExcelApiTooOld`). */
    readonly code: string,
    message: string,
    /** The original error, for the console. */
    override readonly cause?: unknown,
    /** What the failure left in the open workbook; absent where the code cannot tell. */
    readonly workbook?: WorkbookLeft,
  ) {
    super(message);
    this.name = 'ExcelWorkbookError';
  }
}

/** Codes that mean the same to a user. */
const ALIASES: Record<string, ExcelErrorTextCode> = {
  UnsupportedOperation: 'InvalidOperation',
  NotImplemented: 'ApiNotFound',
  UnsupportedFeature: 'ApiNotFound',
  InsertDeleteConflict: 'Conflict',
  MergedRangeConflict: 'InvalidOperation',
  FilteredRangeConflict: 'InvalidOperation',
  PivotTableRangeConflict: 'InvalidOperation',
  InvalidSelection: 'InvalidReference',
  InvalidBinding: 'InvalidReference',
};

function errorCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string')
    return (error as { code: string }).code;
  return null;
}

/**
 * The code and the French explanation of any error met while talking to Excel, and (`workbook`) the French sentence
 * that says what it left in the open workbook, when that is known.
 */
export function explainExcelError(error: unknown): { code: string; message: string; workbook?: string } {
  if (error instanceof ExcelWorkbookError) {
    // A person's edit during a rewrite says itself that the operation was undone and their value kept.
    const saidAlready = error.code === 'EditedDuringRewrite' && error.workbook === 'restored';
    const left = error.workbook && !saidAlready ? workbookLeftTexts[error.workbook] : null;
    return { code: error.code, message: error.message, ...(left ? { workbook: left } : {}) };
  }
  const code = errorCode(error);
  if (code && code in excelErrorTexts) return { code, message: excelErrorTexts[code as ExcelErrorTextCode] };
  if (code && ALIASES[code]) return { code, message: excelErrorTexts[ALIASES[code]] };
  return { code: code ?? 'Unknown', message: excelErrorTexts.Unknown };
}

/**
 * Wraps an error met in Excel.run, keeping the original as `cause`; `workbook`: what it left in the open workbook,
 * unless the error already says it.
 */
export function toExcelWorkbookError(error: unknown, workbook?: WorkbookLeft): ExcelWorkbookError {
  if (error instanceof ExcelWorkbookError) {
    if (error.workbook || !workbook) return error;
    return new ExcelWorkbookError(error.code, error.message, error.cause, workbook);
  }
  const { code, message } = explainExcelError(error);
  return new ExcelWorkbookError(code, message, error, workbook);
}

/** The same error, saying what it left in the open workbook (which replaces what it said). */
export function leaving(error: unknown, workbook: WorkbookLeft): ExcelWorkbookError {
  const found = toExcelWorkbookError(error);
  return new ExcelWorkbookError(found.code, found.message, found.cause, workbook);
}

/** One of our own failures (not raised by Excel) with its French text. */
export function excelWorkbookError(code: ExcelErrorTextCode): ExcelWorkbookError {
  return new ExcelWorkbookError(code, excelErrorTexts[code]);
}
