import { aoSheetOf } from './ao-sheet';
import { aoRowPlaces, aoTypeCellsTypedOver, readAoSheet } from './ao-sheet-read';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/**
 * `Compétences AO`: rebuilt only when its reader could read it (a sheet whose header row is lost is copied as
 * found); a blank row inserted in its table is read past, and the cells under it go back up; a row's « Type »
 * typed over is the tools' text typed over, put back and journalled.
 */
export const aoModule = trackingModule({
  id: 'ao',
  owns: (name) => name === sheetNames.ao,
  build: ({ figures }) => [aoSheetOf(figures.ao)],
  carried: 'whenRead',
  expected: { rank: 4, names: () => [sheetNames.ao] },
  kept: { kind: 'fixed', rowPlaces: aoRowPlaces, typedOverCells: aoTypeCellsTypedOver },
  // Null when the workbook has no such sheet.
  read: ([grid]) => (grid ? readAoSheet(grid) : null),
});
