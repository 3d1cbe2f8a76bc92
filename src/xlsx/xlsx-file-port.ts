import type { WorkbookChanger, WorkbookChanges, WorkbookGrids, WorkbookPort, WriteContext } from '../app/port';
import { WholeWriteRefused } from '../domain/whole-write-refused';
import type { WorkbookSpec } from '../layout/workbook-spec';
import { patchXlsx } from './patch';
import { readXlsx, XlsxUnreadableError, type XlsxReadOptions } from './reader';
import { writeXlsx } from './writer';

/**
 * The .xlsx back end over the bytes of one existing file: reads them, and writes either a patch of that package
 * (a rewrite that keeps the workbook's shape: only the changed cells, everything a person set around them kept)
 * or, when the rewrite changes the shape, a whole new workbook built from the spec. Each write hands the new
 * bytes to `save` and becomes the file read and patched next.
 */
export type XlsxFilePort = WorkbookPort & WorkbookChanger;

export class XlsxUnreadable extends Error {}

export interface XlsxFilePortOptions extends XlsxReadOptions {
  /** The grids already read from `bytes` (the caller read them to report a file it cannot read): not read again. */
  grids?: WorkbookGrids;
}

export function createXlsxFilePort(
  bytes: Uint8Array,
  save: (bytes: Uint8Array) => void | Promise<void>,
  { grids, ...options }: XlsxFilePortOptions = {},
): XlsxFilePort {
  let current = bytes;
  let known = grids;
  const keep = async (written: Uint8Array) => {
    current = written;
    known = undefined;
    await save(written);
  };
  return {
    async read(): Promise<WorkbookGrids> {
      if (known) return known;
      const read = readXlsx(current, options);
      if (!read.ok) throw new XlsxUnreadable(read.error.code);
      return read.grids;
    },
    async write(spec: WorkbookSpec, context?: WriteContext): Promise<void> {
      const changes = context?.changes;
      await keep(changes ? await patchedOrWhole(current, changes, spec, context.patchOnly) : await writeXlsx(spec));
    },
    async change(changes: WorkbookChanges): Promise<void> {
      await keep(patchXlsx(current, changes));
    },
  };
}

/**
 * The patched package; a package this patch cannot take apart (a part that is not well-formed XML, a sheet its
 * workbook does not point to) is written whole, as every rewrite did before, unless told `patchOnly` (then
 * WholeWriteRefused). One whose parts the reader's limits refuse (a zip bomb in a part the patch opens) is refused:
 * XlsxUnreadableError. Either way nothing is written.
 */
async function patchedOrWhole(
  bytes: Uint8Array,
  changes: WorkbookChanges,
  spec: WorkbookSpec,
  patchOnly: true | undefined,
): Promise<Uint8Array> {
  try {
    return patchXlsx(bytes, changes);
  } catch (error) {
    if (error instanceof XlsxUnreadableError) throw error;
    if (patchOnly) throw new WholeWriteRefused('the package could not be patched');
    return writeXlsx(spec);
  }
}
