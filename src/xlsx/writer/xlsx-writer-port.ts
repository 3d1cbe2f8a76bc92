import type { WorkbookWriter } from '../../app/port';
import type { WorkbookSpec } from '../../layout/workbook-spec';
import { writeXlsx } from './write-xlsx';

/**
 * The write side of the .xlsx back end: each `write` produces the file's bytes and hands them to `save` (the
 * command line writes them to disk, the task pane offers them as a download, tests keep them). Join it with the
 * .xlsx reader through `combinePort` (src/app/combine-port.ts) for use cases that read and write. `toBytes`: how a
 * spec becomes bytes, `writeXlsx` unless the command line streams a large workbook (`streamXlsx`).
 */
export function createXlsxWriterPort(
  save: (bytes: Uint8Array) => void | Promise<void>,
  toBytes: (spec: WorkbookSpec) => Promise<Uint8Array> = writeXlsx,
): WorkbookWriter {
  return {
    async write(spec: WorkbookSpec): Promise<void> {
      await save(await toBytes(spec));
    },
  };
}
