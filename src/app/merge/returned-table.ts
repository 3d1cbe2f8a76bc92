import type { WorkbookGrids } from '../../domain/grid';
import { readIncomingRows } from '../../layout/incoming/read-incoming-rows';

/**
 * Whether a returned file holds a table a merge can read (a sheet with a `Clé` header, the tools' own sheets aside),
 * as the merge finds it (`merge-no-rows` otherwise): the pane says so when the file is picked, rather than ask whose
 * it is. The quarters only name columns, not where a table is: none are needed.
 */
export function holdsReturnedTable(grids: WorkbookGrids): boolean {
  return readIncomingRows(grids, []).sheets.length > 0;
}

/**
 * Whether a returned file holds a table whose `Clé` column was deleted (the tracking's headers without `Clé`): the
 * merge refuses it by name (`merge-key-column-missing`), so the pane takes the file and its preview says so, as the
 * command line does, rather than tell a file without any table.
 */
export function holdsKeylessTable(grids: WorkbookGrids): boolean {
  return readIncomingRows(grids, []).notes.some((note) => note.kind === 'key-column-missing');
}
