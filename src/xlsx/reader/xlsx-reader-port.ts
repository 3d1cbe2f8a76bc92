import type { PartialWorkbookGrids, ReadOptions, WorkbookGrids, WorkbookReader } from '../../app/port';
import { renderMessage } from '../../domain/messages';
import type { XlsxReadError } from './read-error';
import { readXlsx, type XlsxReadOptions } from './read-xlsx';

/** Why the bytes of a `createXlsxReaderPort` could not be read: the reader's error value, its message in French. */
export class XlsxUnreadableError extends Error {
  constructor(readonly error: XlsxReadError) {
    super(renderMessage(error.code, error.params));
    this.name = 'XlsxUnreadableError';
  }
}

/**
 * The read side of the .xlsx back end over a file's bytes: `read()` reads every sheet, `read({ sheets })` only the
 * selected ones (the parts of the others are not inflated). A file that cannot be read rejects with an
 * XlsxUnreadableError. Join it with the writer through `combinePort` for use cases that read and write.
 */
export function createXlsxReaderPort(bytes: Uint8Array, options: XlsxReadOptions = {}): WorkbookReader {
  function read(): Promise<WorkbookGrids>;
  function read(selection: ReadOptions): Promise<PartialWorkbookGrids>;
  async function read(selection?: ReadOptions): Promise<PartialWorkbookGrids> {
    const result = selection ? readXlsx(bytes, { ...options, sheets: selection.sheets }) : readXlsx(bytes, options);
    if (!result.ok) throw new XlsxUnreadableError(result.error);
    return result.grids;
  }
  return { read };
}
