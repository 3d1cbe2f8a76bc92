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
