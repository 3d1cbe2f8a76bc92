import type { PartialWorkbookGrids, WorkbookGrids } from '../../app/port';
import type { XlsxReadResult, XlsxSelectiveReadOptions } from '../../xlsx/reader';
import { readFileBytes } from '../common/read-file-bytes';
import { texts } from '../texts';
import { loadXlsxReader } from './xlsx-modules';
import { messageText } from '../messages';

type Reader = Awaited<ReturnType<typeof loadXlsxReader>>;

/**
 * A picked file read by the project's .xlsx reader: its grids, or why it could not be read — in French, with the
 * reader's code (a consolidation lists it among the files left out).
 */
export type Picked<G> = { name: string } & ({ ok: true; grids: G } | { ok: false; code: string; message: string });
/** Read whole, with its bytes: a merge tells a copy of another returned file by them (`copiesOf`). */
export type PickedWorkbook = Picked<WorkbookGrids> & ({ ok: false } | { ok: true; bytes: Uint8Array });
export type PickedSheets = Picked<PartialWorkbookGrids>;

/** The code of a picked file whose bytes the browser could not give (moved, removed, no permission). */
export const FILE_UNREADABLE = 'file-unreadable';

/** A zip archive of workbooks too large to be read whole, told by its last bytes (its directory); null otherwise. */
async function largeArchive(reader: Reader, file: File) {
  try {
    const tail = await readFileBytes(file.slice(Math.max(0, file.size - reader.ARCHIVE_TAIL_BYTES)));
    return reader.archiveOfTail(tail, file.size);
  } catch {
    return null;
  }
}

/**
 * Whatever the file (an .xls, an .ods, a damaged or too large one), the result is a value with the reader's French
 * message, never an exception. A file larger than the reader accepts is refused from its size, before its bytes are
 * read into memory (a zip archive of workbooks told so from its last bytes).
 */
async function readPicked<G>(
  file: File,
  read: (reader: Reader, bytes: Uint8Array) => XlsxReadResult<G>,
): Promise<Picked<G> & ({ ok: false } | { ok: true; bytes: Uint8Array })> {
  const reader = await loadXlsxReader();
  const limit = reader.DEFAULT_XLSX_READ_LIMITS.maxFileBytes;
  const failed = (code: string, message: string) => ({ name: file.name, ok: false as const, code, message });
  if (file.size > limit) {
    const archive = await largeArchive(reader, file);
    if (archive) return failed(archive.code, messageText(archive.code, archive.params));
    return failed('too-large', messageText('too-large', { size: file.size, limit }));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch {
    return failed(FILE_UNREADABLE, texts.files.unreadable);
  }
  const result = read(reader, bytes);
  if (result.ok) return { name: file.name, ok: true, grids: result.grids, bytes };
  const { code, params } = result.error;
  return failed(code, messageText(code, params));
}

/** Reads a picked file whole with src/xlsx/reader (a check, a merge). */
export function readPickedXlsx(file: File): Promise<PickedWorkbook> {
  return readPicked(file, (reader, bytes) => reader.readXlsx(bytes));
}

/** Reads only the cells of the sheets `options.sheets` selects (`consolidationRead`); the others are listed. */
export async function readPickedSheets(file: File, options: XlsxSelectiveReadOptions): Promise<PickedSheets> {
  const read = await readPicked(file, (reader, bytes) => reader.readXlsx(bytes, options));
  // Not kept: a consolidation reads hundreds of files, one at a time.
  return read.ok ? { name: read.name, ok: true, grids: read.grids } : read;
}
