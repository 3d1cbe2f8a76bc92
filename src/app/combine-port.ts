import type { WorkbookPort, WorkbookReader, WorkbookWriter } from './port';

/** Joins a read side and a write side (e.g. the .xlsx reader and the .xlsx writer) into one port. */
export function combinePort(reader: WorkbookReader, writer: WorkbookWriter): WorkbookPort {
  return { read: () => reader.read(), write: (spec, context) => writer.write(spec, context) };
}
