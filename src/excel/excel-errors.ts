import { excelErrorTexts, type ExcelErrorTextCode } from './excel-texts';

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

/** The code and the French explanation of any error met while talking to Excel. */
export function explainExcelError(error: unknown): { code: string; message: string } {
  if (error instanceof ExcelWorkbookError) return { code: error.code, message: error.message };
  const code = errorCode(error);
  if (code && code in excelErrorTexts) return { code, message: excelErrorTexts[code as ExcelErrorTextCode] };
  if (code && ALIASES[code]) return { code, message: excelErrorTexts[ALIASES[code]] };
  return { code: code ?? 'Unknown', message: excelErrorTexts.Unknown };
}

/** Wraps an error met in Excel.run, keeping the original as `cause`. */
export function toExcelWorkbookError(error: unknown): ExcelWorkbookError {
  if (error instanceof ExcelWorkbookError) return error;
  const { code, message } = explainExcelError(error);
  return new ExcelWorkbookError(code, message, error);
}

/** One of our own failures (not raised by Excel) with its French text. */
export function excelWorkbookError(code: ExcelErrorTextCode): ExcelWorkbookError {
  return new ExcelWorkbookError(code, excelErrorTexts[code]);
}
