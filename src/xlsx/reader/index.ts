/** The streaming .xlsx reader: `readXlsx(bytes)` → grids of values, or an error value. */
export {
  readXlsx,
  readXlsxSheetList,
  type XlsxReadOptions,
  type XlsxReadResult,
  type XlsxSelectiveReadOptions,
} from './read-xlsx';
export { archiveOfTail, ARCHIVE_TAIL_BYTES } from './archive-tail';
export { DEFAULT_XLSX_READ_LIMITS, EXCEL_MAX_COLUMN, EXCEL_MAX_ROW, type XlsxReadLimits } from './limits';
export {
  XLSX_READ_ERROR_CODES,
  type XlsxReadError,
  type XlsxReadErrorCode,
  type XlsxReadErrorParams,
} from './read-error';
export { createXlsxReaderPort, XlsxUnreadableError } from './xlsx-reader-port';
export { setRawInflater, type RawInflater } from './zip-entry-stream';
export { zipContents, type ZipContents } from './zip-archive';
export type { ZipBytes } from './zip-directory';
