/** The .xlsx writer: WorkbookSpec → .xlsx bytes (ExcelJS, then fixed), and the port's write side. */
export { writeXlsx } from './write-xlsx';
export { createXlsxWriterPort } from './xlsx-writer-port';
