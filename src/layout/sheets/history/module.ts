import { buildHistorySheet } from './history-sheet';
import { recordTableRule } from '../../record-sheet';
import { sheetNames } from '../../texts';
import type { TrackingSheetModule } from '../../tracking-build';

/** `Historique`: what closed quarters looked like; written when it has entries or existed already. */
export const historyModule: TrackingSheetModule = {
  id: 'history',
  owns: (name) => name === sheetNames.history,
  build: ({ contents: { history } }) =>
    history && (history.keepSheet || history.entries.length > 0) ? [buildHistorySheet(history.entries)] : [],
  carried: 'always',
  kept: recordTableRule,
};
