import { buildContributionsSheet, readContributionsSheet } from './contributions-sheet';
import { recordTableRule } from '../../record-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/**
 * `Contributions`: the values partners sent back, one line each; written when it has lines or existed already,
 * which a new workbook's does (src/layout/workbook-layout.ts, `buildNewWorkbook`). A workbook generated without it
 * gets it at its first merge.
 */
export const contributionsModule = trackingModule({
  id: 'contributions',
  owns: (name) => name === sheetNames.contributions,
  build: ({ contents: { contributions } }) =>
    contributions && (contributions.keepSheet || contributions.entries.length > 0)
      ? [buildContributionsSheet(contributions.entries)]
      : [],
  carried: 'always',
  kept: recordTableRule,
  read: ([grid]) => ({
    ...(grid ? readContributionsSheet(grid) : { entries: [], issues: [] }),
    keepSheet: grid !== undefined,
  }),
});
