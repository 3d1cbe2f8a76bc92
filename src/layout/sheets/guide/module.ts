import { buildGuideSheet } from './guide-sheet';
import { sheetNames } from '../../texts';
import type { TrackingSheetModule } from '../../tracking-build';

/** `Guide`: fixed text, rebuilt on every write; a person's notes beside it are kept. */
export const guideModule: TrackingSheetModule = {
  id: 'guide',
  owns: (name) => name === sheetNames.guide,
  build: () => [buildGuideSheet()],
  carried: 'always',
  kept: { kind: 'fixed' },
};
