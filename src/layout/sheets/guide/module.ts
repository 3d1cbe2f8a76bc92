import { buildGuideSheet } from './guide-sheet';
import { formerGuideParagraphs, sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/**
 * `Guide`: fixed text, rebuilt on every write; a person's notes beside it are kept, a paragraph typed over is
 * journalled.
 */
export const guideModule = trackingModule({
  id: 'guide',
  owns: (name) => name === sheetNames.guide,
  build: () => [buildGuideSheet()],
  carried: 'always',
  kept: { kind: 'fixed', formerTexts: formerGuideParagraphs },
});
