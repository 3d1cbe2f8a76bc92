import { labelCellsTypedOver, readSettingsSheet } from './settings-read';
import { buildSettingsSheet, settingsDefinedNames } from './settings-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/** `Paramètres`: the convention, Q and the lists; it names the lists and Q's cell for the whole workbook. */
export const settingsModule = trackingModule({
  id: 'settings',
  owns: (name) => name === sheetNames.settings,
  build: ({ plan, contents }) => [buildSettingsSheet(plan, contents.currentQuarter, contents.settingsInputs)],
  definedNames: ({ plan }) => settingsDefinedNames(plan),
  carried: 'always',
  expected: { rank: 1, names: () => [sheetNames.settings] },
  // Its labels typed over are the reader's decision (`settings-label-edited`), journalled as it says.
  kept: { kind: 'fixed', typedOverCells: labelCellsTypedOver },
  // Null when the workbook has no such sheet.
  read: ([grid]) => (grid ? readSettingsSheet(grid) : null),
});
