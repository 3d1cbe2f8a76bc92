import { buildArchiveSheet, readArchiveSheet } from './archive-sheet';
import { recordTableRule } from '../../record-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/** `Archives`: entered values of removed rows and quarters; written when it has entries or existed already. */
export const archivesModule = trackingModule({
  id: 'archives',
  owns: (name) => name === sheetNames.archives,
  build: ({ contents: { archives } }) =>
    archives && (archives.keepSheet || archives.entries.length > 0) ? [buildArchiveSheet(archives.entries)] : [],
  carried: 'always',
  kept: recordTableRule,
  read: ([grid]) => ({
    ...(grid ? readArchiveSheet(grid) : { entries: [], issues: [] }),
    keepSheet: grid !== undefined,
  }),
});
