import { readCtgMeta } from './ctg-meta-read';
import { buildCtgMetaSheet } from './ctg-meta-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/**
 * `_ctg`, hidden: what recognises the workbook (format, fingerprint, keys). The tools' alone: nothing kept, so a value
 * typed outside what they write refuses every rewrite instead (`ctg-cell-typed`, ctg-meta-typed-cells.ts).
 */
export const ctgMetaModule = trackingModule({
  id: 'ctg-meta',
  owns: (name) => name === sheetNames.meta,
  build: ({ plan, keys, fingerprint, contents }) => [
    buildCtgMetaSheet({
      plan,
      keys,
      fingerprint,
      now: contents.now,
      generatedAt: contents.generatedAt,
      retiredKeys: contents.retiredKeys,
      extract: contents.extract,
    }),
  ],
  carried: 'always',
  expected: { rank: 2, names: () => [sheetNames.meta] },
  // As stored; null without the sheet (not a tracking workbook). Migrated once the axis sheets are read.
  read: ([grid]) => (grid ? readCtgMeta(grid) : null),
});
