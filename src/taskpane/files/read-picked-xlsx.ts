import { renderMessage } from '../../app';
import type { WorkbookGrids } from '../../app/port';
import { readFileBytes } from '../common/read-file-bytes';
import { texts } from '../texts';
import { loadXlsxReader } from './xlsx-modules';

/** A picked file read by the project's .xlsx reader: its grids, or why it could not be read, in French. */
export type PickedWorkbook = { name: string } & ({ ok: true; grids: WorkbookGrids } | { ok: false; message: string });

/**
 * Reads a picked file with src/xlsx/reader. Whatever the file (an .xls, an .ods, a damaged or too large one), the
 * result is a value with the reader's French message, never an exception. A file larger than the reader accepts is
 * refused from its size, before its bytes are read into memory.
 */
export async function readPickedXlsx(file: File): Promise<PickedWorkbook> {
  const { readXlsx, DEFAULT_XLSX_READ_LIMITS } = await loadXlsxReader();
  const limit = DEFAULT_XLSX_READ_LIMITS.maxFileBytes;
  if (file.size > limit)
    return { name: file.name, ok: false, message: renderMessage('too-large', { size: file.size, limit }) };
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch {
    return { name: file.name, ok: false, message: texts.files.unreadable };
  }
  const read = readXlsx(bytes);
  return read.ok
    ? { name: file.name, ok: true, grids: read.grids }
    : { name: file.name, ok: false, message: renderMessage(read.error.code, read.error.params) };
}
