import { buildHistorySheet, readHistorySheet } from './history-sheet';
import { recordTableRule } from '../../record-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/**
 * `Historique`: what closed quarters looked like; written when it has entries or existed already, which a new
 * workbook's does (src/layout/workbook-layout.ts, `buildNewWorkbook`). A workbook generated without it gets it at
 * its first closing.
 */
export const historyModule = trackingModule({
  id: 'history',
  owns: (name) => name === sheetNames.history,
  // Expected once a closing is journalled: every closing writes it, so gone, it was deleted, with the closed states.
  // A workbook never closed may lack it (generated before it was written at generation).
  expected: { rank: 6, names: ({ closingJournalled }) => (closingJournalled === null ? [] : [sheetNames.history]) },
  build: ({ contents: { history } }) =>
    history && (history.keepSheet || history.entries.length > 0) ? [buildHistorySheet(history.entries)] : [],
  carried: 'always',
  kept: recordTableRule,
  read: ([grid]) => ({
    ...(grid ? readHistorySheet(grid) : { entries: [], rows: [], issues: [] }),
    keepSheet: grid !== undefined,
  }),
});
