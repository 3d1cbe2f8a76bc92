import type {
  PartialWorkbookGrids,
  ReadOptions,
  WorkbookGrids,
  WorkbookPort,
  WorkbookReader,
  WorkbookWriter,
} from './port';

/** Joins a read side and a write side (e.g. the .xlsx reader and the .xlsx writer) into one port. */
export function combinePort(reader: WorkbookReader, writer: WorkbookWriter): WorkbookPort {
  function read(): Promise<WorkbookGrids>;
  function read(options: ReadOptions): Promise<PartialWorkbookGrids>;
  function read(options?: ReadOptions): Promise<PartialWorkbookGrids> {
    return options ? reader.read(options) : reader.read();
  }
  return { read, write: (spec, context) => writer.write(spec, context) };
}
